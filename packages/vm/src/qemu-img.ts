import { probeQemuImg } from '@winguest/qemu-args/probe';
import { childEnvironment } from '@winguest/shell';
import { VmError } from './errors';

/**
 * `qemu-img`, found as the host probe finds it (PATH, then where package managers put QEMU).
 * @throws VmError `command-failed` naming the package to install.
 */
export function findQemuImg(): string {
  const found = probeQemuImg();
  if (!found) {
    throw new VmError(
      'command-failed',
      'qemu-img not found on PATH or where QEMU is usually installed; install qemu-utils (Debian) or qemu (Homebrew).',
    );
  }
  return found;
}

/**
 * Runs `qemu-img` with `args` in a clean environment.
 * @throws VmError `command-failed` with `what` and qemu-img's message.
 */
export async function runQemuImg(qemuImg: string, args: string[], what: string): Promise<string> {
  const { execa } = await import('execa');
  const run = await execa(qemuImg, args, { env: childEnvironment(), extendEnv: false, reject: false });
  if (run.exitCode !== 0) {
    throw new VmError(
      'command-failed',
      `qemu-img could not ${what}: ${run.stderr.trim() || run.stdout.trim()}`,
    );
  }
  return run.stdout;
}
