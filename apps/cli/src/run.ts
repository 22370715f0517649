import { main } from './main';

/**
 * Everything `winguest` does once the bundle is loaded (dist/winguest.cjs; `cli.ts` loads it):
 * a closed pipe is no error, the hidden `__ssh-agent` command is the connection agent `winguest
 * ssh` starts (vm/ssh-agent-entry's `sshAgentCommand`), anything else goes to `main`.
 */
export async function run(args: string[]): Promise<number> {
  // A closed pipe (`winguest … | head`) is not an error worth a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  if (args[0] === '__ssh-agent') return (await import('./vm/ssh-agent-entry')).runSshAgent(args.slice(1));
  return main(args);
}
