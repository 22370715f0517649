import { defineLibraryConfig } from '@winguest/tsup-config';

export default defineLibraryConfig({ entry: ['src/index.ts', 'src/probe/index.ts'] });
