export { defineWinguestProject } from './project.ts';
export { SlowFirstSequencer } from './slow-first-sequencer.ts';
export { SummaryReporter } from './summary-reporter.ts';
