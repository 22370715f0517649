import { defineWinguestProject } from '@winguest/vitest-config';

// Booting the guest under TCG takes tens of seconds; the build downloads Debian packages once.
export default defineWinguestProject({ test: { testTimeout: 240_000, hookTimeout: 600_000 } });
