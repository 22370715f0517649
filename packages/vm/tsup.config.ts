import { defineLibraryConfig } from '@winguest/tsup-config';

// Besides the whole package: the `up` options schema and the instance lock on their own, for callers
// that plan or write a build folder and should not load the runner (QMP, SSH, processes) to do so;
// and the connection agent's client (no zod, execa or ssh2), which a warm `winguest ssh` loads.
export default defineLibraryConfig({
  entry: {
    index: 'src/index.ts',
    'up-options': 'src/up-options.ts',
    lock: 'src/lock.ts',
    'ssh-agent-client': 'src/ssh-agent-client.ts',
  },
});
