import { closeSync, openSync } from 'node:fs';
import { childEnvironment } from '@winguest/shell';

/**
 * Spawns a process in its own session (a terminal's Ctrl-C reaches only us), stdout and stderr to
 * `logPath`, not awaited by this process: QEMU and its helpers outlive the command that started them.
 * execa is loaded here, on first use, so commands that start nothing never load it. The child is
 * returned wrapped: awaiting it directly would wait for the process to end.
 */
export async function spawnDetached(file: string, args: readonly string[], logPath: string) {
  const { execa } = await import('execa');
  // execa's types list only small literal descriptors; any open descriptor works at run time.
  const log = openSync(logPath, 'w', 0o600) as 3;
  const child = execa(file, args, {
    env: childEnvironment(),
    extendEnv: false,
    detached: true,
    stdin: 'ignore',
    stdout: log,
    stderr: log,
    reject: false,
    cleanup: false,
  });
  closeSync(log);
  child.nodeChildProcess.unref();
  return { child };
}
