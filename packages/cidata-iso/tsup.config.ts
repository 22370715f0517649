import { defineLibraryConfig } from '@winguest/tsup-config';

export default defineLibraryConfig({
  entry: { index: 'src/index.ts', 'external-tools': 'src/external-tools/index.ts' },
});
