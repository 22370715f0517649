import { availableParallelism } from 'node:os';
import { SlowFirstSequencer, SummaryReporter } from '@winguest/vitest-config';
import { defineConfig } from 'vitest/config';

// One run over every package and app: each has its own vitest.config.ts (a vitest project).
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'tooling/standin-guest', 'tooling/vitest-config'],
    reporters: ['default', new SummaryReporter()],
    // Vitest's default (cores − 1) is a single worker on a 2-core CI machine, so every file ran
    // one after another at under one busy core. Most of the time goes to stand-in boots: one TCG
    // QEMU thread each plus waiting on the guest, so one worker per core keeps the cores busy
    // without starving the boots (stage timeouts under TCG stay reliable).
    maxWorkers: availableParallelism(),
    // The boots start first so none of them is left to run alone at the end.
    sequence: { sequencer: SlowFirstSequencer },
  },
});
