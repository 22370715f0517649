/** What a probe found, or why it found nothing. Probes return this; they do not throw. */
export type ProbeResult<T extends object> = ({ available: true } & T) | { available: false; reason: string };

/** The guest architectures winguest builds (QEMU calls them x86_64 and aarch64). */
export type GuestArch = 'amd64' | 'arm64';

/** The QEMU system emulator for each guest architecture. */
export const qemuBinaryNames: Readonly<Record<GuestArch, string>> = {
  amd64: 'qemu-system-x86_64',
  arm64: 'qemu-system-aarch64',
};

/** Summarises a failed command for a probe's `reason`. */
export function describeFailure(
  what: string,
  result: {
    exitCode: number | null;
    stderr: string;
    timedOut: boolean;
    failedFast?: boolean;
    spawnError?: string;
  },
  timeoutMs: number,
): string {
  if (result.spawnError) return `${what} could not be started: ${result.spawnError}`;
  const stderr = result.stderr.trim().split('\n').slice(0, 4).join(' | ');
  const how = result.timedOut
    ? `did not finish within ${timeoutMs} ms`
    : result.failedFast
      ? 'failed'
      : `exited with code ${result.exitCode}`;
  return `${what} ${how}${stderr ? `: ${stderr}` : ''}`;
}
