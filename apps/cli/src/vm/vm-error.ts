import { CliError } from '../errors';

const hints: Record<string, string> = {
  'preflight-failed': 'fix the problems above; nothing was created',
  'stage-timeout':
    'look at the screenshot and the serial lines; raise `vm.timeoutMinutes.<stage>` only if it was just slow',
  'guest-failed': 'the guest reported a failure: the serial lines above name the step',
  'qemu-exited': 'QEMU stopped unexpectedly: its stderr and the last serial lines are above',
  aborted: 'the instance was stopped and can be resumed with `winguest up` or `winguest start`',
  'instance-locked': 'another winguest command drives this instance; wait for it or stop it',
  'instance-not-found': 'list instances with `winguest ls`',
  'not-running': 'boot it with `winguest start <name>`',
  'copy-failed':
    'check both paths; the guest side is written INSTANCE:PATH (forward slashes work on Windows)',
};

/**
 * Turns a `@winguest/vm` error into one line plus what explains it: every preflight problem, the
 * stage, the last serial lines, QEMU's stderr and the newest screenshot.
 */
export function vmErrorToCli(error: unknown): unknown {
  const e = error as {
    code?: string;
    message?: string;
    stage?: string;
    serialTail?: string[];
    screenshot?: string;
    stderr?: string;
    issues?: Array<{ message: string }>;
  };
  if (typeof e !== 'object' || e === null || typeof e.code !== 'string' || !('serialTail' in e)) return error;
  const details: string[] = [];
  for (const issue of e.issues ?? []) details.push(issue.message);
  if (e.stage) details.push(`stage: ${e.stage}`);
  if (e.serialTail?.length)
    details.push('last serial lines:', ...e.serialTail.slice(-10).map((l) => `  ${l}`));
  if (e.stderr?.trim())
    details.push(
      'QEMU said:',
      ...e.stderr
        .trim()
        .split('\n')
        .slice(-5)
        .map((l) => `  ${l}`),
    );
  if (e.screenshot) details.push(`screenshot: ${e.screenshot}`);
  return new CliError(e.code, (e.message ?? 'VM failure').split('\n')[0] as string, {
    details,
    ...(hints[e.code] ? { hint: hints[e.code] } : {}),
    cause: error,
  });
}
