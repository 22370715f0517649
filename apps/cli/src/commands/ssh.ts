import { spawn } from 'node:child_process';
import type { CommandDefinition } from '../command';
import { CliError, UsageError } from '../errors';
import { callVm } from '../vm/call-vm';
import { runOverSsh } from '../vm/run-over-ssh';

export const sshCommand: CommandDefinition = {
  name: 'ssh',
  summary: 'Open a shell on an instance, or run one command',
  usage: ['ssh <name> [-- command…]'],
  description: [
    "With a command it runs over the instance's own key (no ssh client needed) and exits with the",
    "command's exit code; stdout and stderr are passed through byte for byte, and stdin when it is a",
    'pipe or a file. Commands reuse one connection per instance, held by a connection agent the first',
    'command starts (it exits after 10 idle minutes, on stop/rm, or when the guest goes away).',
    "Without a command it starts an interactive session with OpenSSH's ssh client.",
  ].join('\n'),
  examples: [
    ['winguest ssh dev', 'interactive shell'],
    ['winguest ssh dev -- hostname', "one command; its exit code becomes winguest's"],
  ],
  async run(context) {
    const [name, ...command] = context.positionals;
    if (!name) throw new UsageError('Expected an instance name (see `winguest ls`)', 'ssh');
    if (command.length > 0) {
      return runOverSsh(context, name, command.join(' '));
    }
    const connection = await callVm((api) => api.instanceSsh({ name }));
    const { childEnvironment } = await import('@winguest/shell');
    return new Promise<number>((resolvePromise, reject) => {
      const child = spawn('ssh', connection.sshArgs, { stdio: 'inherit', env: childEnvironment() });
      child.on('error', (error) =>
        reject(
          new CliError('ssh-missing', `Could not start the ssh client: ${error.message}`, {
            hint: "install OpenSSH's client, or run one command with `winguest ssh <name> -- <command>`",
          }),
        ),
      );
      child.on('exit', (code) => resolvePromise(code ?? 1));
    });
  },
};
