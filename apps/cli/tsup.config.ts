import { defineLibraryConfig } from '@winguest/tsup-config';

// One executable: commands are split into chunks loaded on demand, so `winguest --help` loads
// almost nothing. Every dependency is bundled, so a cold start resolves few modules and the package installs none.
export default defineLibraryConfig({
  entry: ['src/cli.ts'],
  platform: 'node',
  dts: false,
  splitting: true,
  noExternal: [/.*/],
  // Bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __winguestCreateRequire } from 'node:module';\nconst require = __winguestCreateRequire(import.meta.url);",
  },
  // Bundle workspace packages from their TypeScript source, like the tests do.
  esbuildOptions(options) {
    options.conditions = ['@winguest/source', 'node', 'import', 'default'];
  },
});
