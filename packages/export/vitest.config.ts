import { defineWinguestProject } from '@winguest/vitest-config';

export default defineWinguestProject();
