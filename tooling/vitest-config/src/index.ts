export { defineWinguestProject } from './project.ts';
export { SummaryReporter } from './summary-reporter.ts';
