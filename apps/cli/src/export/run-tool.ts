import { execFile } from 'node:child_process';
import type { CommandContext } from '../command';
import { CliError } from '../errors';

const packages: Record<string, string> = { virsh: 'libvirt-clients', 'qemu-img': 'qemu-utils' };

/** Runs a host tool found on PATH with the child environment allow-list; a failure shows its stderr. */
export async function runTool(command: string, args: string[], context: CommandContext): Promise<string> {
  const { childEnvironment, findExecutable } = await import('@winguest/shell');
  const path = findExecutable(command, { env: context.env });
  if (!path) {
    throw new CliError('tool-missing', `${command} was not found on PATH`, {
      hint: `install it (Debian: apt-get install ${packages[command] ?? command})`,
    });
  }
  return new Promise((resolvePromise, reject) => {
    execFile(
      path,
      args,
      { env: childEnvironment(context.env), encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (!error) return resolvePromise(stdout);
        reject(
          new CliError('command-failed', `${command} ${args.join(' ')} failed (exit ${error.code ?? '?'})`, {
            details: stderr.trim().split('\n').filter(Boolean),
            hint:
              command === 'virsh'
                ? 'check --connect and that libvirtd runs there (virsh -c URI version)'
                : undefined,
          }),
        );
      },
    );
  });
}
