import { defineLibraryConfig } from '@winguest/tsup-config';

// Two entries: the package, and the connection agent's client alone (no zod, execa or ssh2), which a
// warm `winguest ssh` loads instead of the whole package.
export default defineLibraryConfig({ entry: ['src/index.ts', 'src/ssh-agent-client.ts'] });
