import { type SshTarget, sshRun } from './ssh-client';

/** The guest printed `WINGUEST ready` on its serial port (the boot's last serial lines). */
export function saidReady(serialTail: readonly string[] | string | undefined): boolean {
  const lines = typeof serialTail === 'string' ? serialTail.split(/\r?\n/) : (serialTail ?? []);
  return lines.some((line) => /^WINGUEST ready\s*$/.test(line.trim()));
}

/**
 * Why the readiness login fails right now, for the error of a boot whose guest said ready but never
 * let `up` in: one login with the instance's key, and the key's last characters (a guest that logs
 * its authorized keys can be compared with them). Undefined when the login works.
 */
export async function loginFailure(
  target: SshTarget,
  publicKey: string,
  readyCommand: string,
  timeoutMs = 15_000,
): Promise<string | undefined> {
  const why = await sshRun(target, readyCommand, timeoutMs).then(
    (result) =>
      result.exitCode === 0
        ? undefined
        : `the ready command exited ${result.exitCode}: ${result.stderr.trim()}`,
    (error: Error) => error.message,
  );
  if (why === undefined) return undefined;
  const [type, key] = publicKey.trim().split(/\s+/);
  return `The guest said ready, but the SSH login as ${target.user} on port ${target.port} with key ${type} ...${key?.slice(-12)} failed: ${why}`;
}
