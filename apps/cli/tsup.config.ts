import { defineLibraryConfig } from '@winguest/tsup-config';

/** Bundle workspace packages from their TypeScript source, like the tests do. */
const sourceConditions = ['@winguest/source', 'node', 'import', 'default'];

export default [
  // The whole CLI as one CommonJS file, loaded by cli.js through V8 with a code cache per command
  // (src/load-bundle.ts). Commands stay lazy: modules only reached through `import()` are
  // initialised when first imported, so `winguest --help` runs almost nothing of it.
  defineLibraryConfig({
    entry: { winguest: 'src/run.ts' },
    format: ['cjs'],
    platform: 'node',
    dts: false,
    // Dependencies are bundled, all but ssh2 (CommonJS, optional native add-ons), loaded at run time.
    noExternal: [/^(?!ssh2$).*/],
    external: ['ssh2'],
    // `import.meta.url` (used to require ssh2) from the bundle's own path.
    shims: true,
    // esbuild's own tree shaking only: tsup's extra pass (rollup) hoists every `require()` of a
    // Node built-in to the top of the bundle, loading node:crypto, child_process, net… for every
    // command; esbuild keeps each inside the module that needs it, initialised on first import.
    treeshake: false,
    // cli.js is the other build's (below), written at the same time.
    clean: ['!cli.js', '!cli.js.map'],
    esbuildOptions(options) {
      options.conditions = sourceConditions;
      options.minifyWhitespace = true;
      options.minifySyntax = true;
    },
  }),
  // The executable: loads the bundle with its code cache.
  defineLibraryConfig({
    entry: { cli: 'src/cli.ts' },
    platform: 'node',
    dts: false,
    clean: false,
    banner: { js: '#!/usr/bin/env node' },
    esbuildOptions(options) {
      options.conditions = sourceConditions;
    },
  }),
];
