import { defineLibraryConfig } from '@winguest/tsup-config';

// Two executables (the harness and the trend printer), bundled with the workspace packages they use
// from their TypeScript source, so `pnpm e2e` needs only the CLI built beside it.
export default defineLibraryConfig({
  entry: ['src/cli.ts', 'src/trend.ts'],
  platform: 'node',
  dts: false,
  noExternal: [/^@winguest\//],
  banner: { js: '#!/usr/bin/env node' },
  esbuildOptions(options) {
    options.conditions = ['@winguest/source', 'node', 'import', 'default'];
  },
});
