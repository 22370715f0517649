import { defineWinguestProject } from '@winguest/vitest-config';

// The tests run the built CLI as a user would, so the global setup builds it first.
export default defineWinguestProject({ test: { globalSetup: ['test/build-cli.ts'] } });
