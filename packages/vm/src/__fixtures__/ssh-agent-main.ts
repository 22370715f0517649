// The connection agent as a process, run from the TypeScript sources (see ssh-agent-launcher.ts):
// `ssh-agent-main.ts <idleMs> <name> <home>`, as the CLI's hidden command is run.
import { serveSshAgent } from '../ssh-agent-server';

const [idleMs, name = '', home = ''] = process.argv.slice(2);
const log = (line: string) => process.stdout.write(`${line}\n`);
await serveSshAgent({ name, home }, { idleMs: Number(idleMs), log }).catch((error: Error) => {
  log(`failed: ${error.message}`);
  process.exitCode = 1;
});
