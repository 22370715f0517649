import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHarnessArgs, usage } from './args.ts';
import { E2eError } from './errors.ts';
import { formatOverhead, overheadOf } from './report/format.ts';
import { mergeReports } from './report/merge-reports.ts';
import type { RunReport } from './report/results-schema.ts';
import { readReport, reportFiles, writeReport } from './report/write-report.ts';
import { runHarness } from './runner/run-harness.ts';
import { defaultCliPath } from './runner/winguest-cli.ts';
import { scenarioInputs } from './scenario/scenarios.ts';
import { parseScenarios, selectScenarios } from './scenario/select-scenarios.ts';
import { buildStandinBoot } from './standin-boot.ts';

/** `pnpm e2e`: exit 0 when nothing failed, 1 when a scenario failed (or, with --require-run, did not run), 2 on bad usage. */
export async function main(argv: readonly string[]): Promise<number> {
  const args = parseHarnessArgs(argv);
  if (args === 'help') {
    console.log(usage);
    return 0;
  }
  const all = parseScenarios(scenarioInputs);
  const scenarios = selectScenarios(all, args.scenarios);
  if (args.command === 'list') {
    const rows = scenarios.map((s) => ({
      name: s.name,
      guest: s.guest,
      arch: s.arch,
      description: s.description,
      media: s.media,
    }));
    console.log(
      args.json
        ? JSON.stringify(rows)
        : rows.map((r) => `${r.name.padEnd(18)} ${r.guest.padEnd(8)} ${r.description}`).join('\n'),
    );
    return 0;
  }
  const report =
    args.command === 'merge'
      ? mergeReports(
          await Promise.all((await findResults(args.merge as string)).map(readReport)),
          all.map((s) => s.name),
        )
      : await runHarness({
          scenarios,
          iso: args.iso,
          out: args.out,
          cliPath: defaultCliPath(),
          keepPassingFilmstrips: args.keepPassingFilmstrips,
          concurrency: args.concurrency,
          standin: buildStandinBoot,
          log: (line) => console.error(line),
        });
  await mkdir(args.out, { recursive: true });
  await writeFile(join(args.out, '.gitignore'), '*\n');
  await writeReport(args.out, report, {
    history: args.history,
    stepSummary: process.env.GITHUB_STEP_SUMMARY,
  });
  printVerdicts(report);
  console.log(
    `report: ${join(args.out, reportFiles.summary)}, ${join(args.out, reportFiles.results)}, ${join(args.out, reportFiles.junit)}`,
  );
  const failed = report.scenarios.some((s) => s.verdict === 'failed');
  const missing = args.requireRun && report.scenarios.some((s) => s.verdict === 'not-run');
  return failed || missing ? 1 : 0;
}

function printVerdicts(report: RunReport): void {
  for (const s of report.scenarios) {
    console.log(`${s.verdict.padEnd(8)} ${s.scenario}${s.reason ? `: ${s.reason}` : ''}`);
    const overhead = s.guest === 'standin' ? overheadOf(s) : undefined;
    if (overhead) console.log(`         ${formatOverhead(s.scenario, overhead)}`);
  }
}

/** Every `results.json` below `dir` (the nightly downloads one artifact folder per matrix job). */
async function findResults(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const found = entries
    .filter((e) => e.isFile() && e.name === reportFiles.results)
    .map((e) => join(e.parentPath, e.name));
  if (found.length === 0) throw new E2eError('invalid-results', `no ${reportFiles.results} below ${dir}`);
  return found.sort();
}
