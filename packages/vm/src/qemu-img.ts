import { childEnvironment, findExecutable } from '@winguest/shell';
import { VmError } from './errors';

/** `qemu-img` on PATH. @throws VmError `command-failed` naming the package to install. */
export function findQemuImg(): string {
  const found = findExecutable('qemu-img');
  if (!found) {
    throw new VmError(
      'command-failed',
      'qemu-img not found on PATH; install qemu-utils (Debian) or qemu (Homebrew).',
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
