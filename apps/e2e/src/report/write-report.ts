import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { E2eError, formatIssues } from '../errors.ts';
import { historyLines } from './history.ts';
import { renderJunit } from './junit.ts';
import { renderMarkdown } from './markdown.ts';
import { type RunReport, runReportSchema } from './results-schema.ts';

/** The files a run leaves in its output folder. */
export const reportFiles = { results: 'results.json', summary: 'summary.md', junit: 'junit.xml' } as const;

/**
 * Writes `results.json`, `summary.md` and `junit.xml` into `dir`; appends the run to `history`
 * when given, and the summary to `$GITHUB_STEP_SUMMARY` when that is set.
 */
export async function writeReport(
  dir: string,
  report: RunReport,
  options: { history?: string | undefined; stepSummary?: string | undefined } = {},
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const summary = renderMarkdown(report);
  await writeFile(join(dir, reportFiles.results), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(dir, reportFiles.summary), summary);
  await writeFile(join(dir, reportFiles.junit), renderJunit(report));
  if (options.history) {
    await mkdir(dirname(options.history), { recursive: true });
    await appendFile(options.history, historyLines(report));
  }
  if (options.stepSummary) await appendFile(options.stepSummary, summary);
}

/** Reads a `results.json` back (for `--merge`), checked against the schema. */
export async function readReport(path: string): Promise<RunReport> {
  const parsed = runReportSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) throw new E2eError('invalid-results', `${path}: ${formatIssues(parsed.error.issues)}`);
  return parsed.data;
}
