import type { SshStreams } from '@winguest/vm/ssh-agent-client';
import type { CommandContext } from '../command';
import { callVm } from './call-vm';
import { vmErrorToCli } from './vm-error';

/**
 * `winguest ssh NAME -- command`: over the instance's running connection agent when one answers
 * (only the agent's small client is loaded: the warm path), else through `@winguest/vm`, which starts
 * the agent (or falls back to a connection of its own). Returns the command's exit code.
 */
export async function runOverSsh(context: CommandContext, name: string, command: string): Promise<number> {
  // A terminal's stdin is not forwarded (use the interactive session); a pipe or file is.
  const stdin = context.stdin.isTTY ? undefined : context.stdin;
  const streams = { stdin, stdout: context.out.stdout, stderr: context.out.stderr };
  const { execOverRunningAgent } = await import('@winguest/vm/ssh-agent-client');
  const warm = await execOverRunningAgent({ name }, command, streams).catch((error: unknown) => {
    throw vmErrorToCli(error);
  });
  const exit = warm ?? (await coldStart(name, command, streams));
  stdin?.destroy();
  return exit.code ?? 1;
}

async function coldStart(name: string, command: string, streams: SshStreams) {
  const { sshAgentLauncher } = await import('./ssh-agent-entry');
  return callVm((api) => api.sshExecStreaming({ name }, command, streams, { agent: sshAgentLauncher() }));
}
