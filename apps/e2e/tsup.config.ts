import { defineLibraryConfig } from '@winguest/tsup-config';

// Three executables (the harness, the trend printer, the Windows CI job's Node half), bundled with the workspace packages they use
// from their TypeScript source. The stand-in guest stays external: it finds its guest files relative
// to its own module, so it runs from its own dist (built before, by `turbo run build`).
export default defineLibraryConfig({
  entry: ['src/cli.ts', 'src/trend.ts', 'src/windows-ci.ts'],
  platform: 'node',
  dts: false,
  noExternal: [/^@winguest\/(?!standin-guest)/],
  banner: { js: '#!/usr/bin/env node' },
  esbuildOptions(options) {
    options.conditions = ['@winguest/source', 'node', 'import', 'default'];
  },
});
