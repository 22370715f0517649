import module from 'node:module';
import { fileURLToPath } from 'node:url';
import { loadBundle } from './load-bundle';

// Node's compile cache (for ssh2, the one dependency loaded from node_modules) and the bundle's own
// code cache (see load-bundle.ts) live in the same directory; NODE_DISABLE_COMPILE_CACHE=1 turns
// both off. Enabled before anything else is loaded.
module.enableCompileCache?.();
const args = process.argv.slice(2);
const bundle = loadBundle(fileURLToPath(new URL('./winguest.cjs', import.meta.url)), args);
process.exitCode = await bundle.run(args);
bundle.saveCodeCache();
