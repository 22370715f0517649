/**
 * The hidden command the CLI starts itself with to become an instance's connection agent
 * (`winguest ssh` starts it on demand; see docs/ssh-agent.md). Not for users: it is not listed in
 * the help and its arguments are the instance's name and home, appended by `@winguest/vm`.
 */
export const sshAgentCommand = '__ssh-agent';

/** How `@winguest/vm` starts the agent: this same executable, with the hidden command. */
export function sshAgentLauncher() {
  return { command: process.execPath, args: [...process.execArgv, process.argv[1] ?? '', sshAgentCommand] };
}

/** Runs the agent until it ends; its lifecycle lines go to stdout (the agent's log file). */
export async function runSshAgent([name = '', home = '']: string[]): Promise<number> {
  const { serveSshAgent } = await import('@winguest/vm');
  const log = (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);
  let code = 0;
  try {
    await serveSshAgent({ name, home }, { log });
  } catch (error) {
    log(`failed: ${(error as Error).message}`);
    code = 1;
  }
  // The agent has let go of everything it owns; a connection the guest stopped answering could
  // still hold the event loop, so the process leaves after a short grace instead of lingering.
  setTimeout(() => process.exit(code), 2_000).unref();
  return code;
}
