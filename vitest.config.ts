import { SlowFirstSequencer, SummaryReporter } from '@winguest/vitest-config';
import { defineConfig } from 'vitest/config';

// One run over every package and app: each has its own vitest.config.ts (a vitest project).
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'tooling/standin-guest', 'tooling/vitest-config'],
    reporters: ['default', new SummaryReporter()],
    // The guest boots start first, so none is left to run alone at the end (the workers per
    // project are set in defineWinguestProject: vitest takes maxWorkers from each project).
    sequence: { sequencer: SlowFirstSequencer },
  },
});
