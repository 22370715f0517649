export { defineWinguestProject, sourceConditions } from './project.ts';
export { SummaryReporter } from './summary-reporter.ts';
