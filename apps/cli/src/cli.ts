import module from 'node:module';

// Compiling the bundled chunks (zod, the XML and YAML libraries…) was most of a cold `winguest build`;
// Node's on-disk compile cache (in the OS temp dir; NODE_DISABLE_COMPILE_CACHE=1 turns it off) lets
// later runs skip it. Enabled before anything else is imported so every chunk benefits.
module.enableCompileCache?.();
const { main } = await import('./main');

// A closed pipe (`winguest … | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const args = process.argv.slice(2);
// The connection agent `winguest ssh` starts (vm/ssh-agent-entry's `sshAgentCommand`), loaded only then.
process.exitCode =
  args[0] === '__ssh-agent'
    ? await (await import('./vm/ssh-agent-entry')).runSshAgent(args.slice(1))
    : await main(args);
