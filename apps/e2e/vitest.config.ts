import { defineWinguestProject } from '@winguest/vitest-config';

// The stand-in scenario drives the built `winguest` CLI, so the global setup builds it first.
export default defineWinguestProject({ test: { globalSetup: ['test/build-cli.ts'] } });
