import { defineLibraryConfig } from '@winguest/tsup-config';

export default defineLibraryConfig();
