import { defineLibraryConfig } from '@winguest/tsup-config';

// One executable: commands are split into chunks loaded on demand, so `winguest --help` loads
// almost nothing. Dependencies are bundled (all but ssh2), so a cold start resolves few modules.
export default defineLibraryConfig({
  entry: ['src/cli.ts'],
  platform: 'node',
  dts: false,
  splitting: true,
  // ssh2 (CommonJS, optional native add-ons) stays a real dependency, loaded at run time.
  noExternal: [/^(?!ssh2$).*/],
  external: ['ssh2'],
  // Bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __winguestCreateRequire } from 'node:module';\nconst require = __winguestCreateRequire(import.meta.url);",
  },
  // Bundle workspace packages from their TypeScript source, like the tests do.
  esbuildOptions(options) {
    options.conditions = ['@winguest/source', 'node', 'import', 'default'];
  },
});
