import type { RunReport } from './results-schema.ts';

/**
 * One report from several (the nightly's matrix jobs each run one scenario): scenarios in the order
 * of `order` (unknown ones last), host and versions from the first report in which something ran.
 */
export function mergeReports(reports: readonly RunReport[], order: readonly string[] = []): RunReport {
  const [first] = reports;
  if (first === undefined) throw new Error('mergeReports needs at least one report');
  const ran = reports.find((r) => r.scenarios.some((s) => s.verdict !== 'not-run')) ?? first;
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  return {
    schemaVersion: 1,
    runId: first.runId,
    startedAt: reports.map((r) => r.startedAt).sort()[0] as string,
    finishedAt: reports
      .map((r) => r.finishedAt)
      .sort()
      .at(-1) as string,
    host: ran.host,
    versions: ran.versions,
    scenarios: reports.flatMap((r) => r.scenarios).sort((a, b) => rank(a.scenario) - rank(b.scenario)),
  };
}
