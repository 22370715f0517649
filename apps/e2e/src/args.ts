import { parseArgs } from 'node:util';
import { E2eError } from './errors.ts';

/** What `pnpm e2e` was asked to do. */
export interface HarnessArgs {
  command: 'run' | 'list' | 'merge';
  scenarios: string[];
  iso: string | undefined;
  out: string;
  history: string | undefined;
  keepPassingFilmstrips: boolean;
  concurrency: number | undefined;
  requireRun: boolean;
  json: boolean;
  /** `--merge <dir>`: the folder holding other runs' `results.json` files. */
  merge: string | undefined;
}

export const usage = `Usage: pnpm e2e [options]

Runs the e2e scenarios through the built winguest CLI and writes results.json, summary.md and
junit.xml (plus one artifact folder per scenario) into --out.

  --scenario <name>      run only this scenario (repeatable, or comma-separated)
  --iso <path>           install ISO for the one selected scenario (else its environment variable)
  --out <dir>            output folder (default: e2e-results)
  --history <file>       append the run to this JSON Lines history file
  --keep-filmstrips      keep the screenshots of passing scenarios too (failures always keep them)
  --concurrency <n>      scenarios at once (default: what the host's CPUs and memory allow)
  --require-run          exit 1 when a selected scenario could not run (nightly)
  --list [--json]        print the scenarios (the nightly builds its job matrix from --json)
  --merge <dir>          merge every <dir>/**/results.json into one report in --out
  -h, --help             this text`;

/** Parses the harness's arguments; every problem is reported at once. */
export function parseHarnessArgs(argv: readonly string[]): HarnessArgs | 'help' {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new E2eError('invalid-arguments', `${(error as Error).message}\n\n${usage}`);
  }
  if (values.help) return 'help';
  const scenarios = (values.scenario ?? [])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  const problems: string[] = [];
  if (values.iso !== undefined && scenarios.length !== 1) problems.push('--iso needs exactly one --scenario');
  const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1)) {
    problems.push(`--concurrency must be a whole number ≥ 1, got ${JSON.stringify(values.concurrency)}`);
  }
  if (values.list && values.merge !== undefined) problems.push('--list and --merge exclude each other');
  if (problems.length > 0) throw new E2eError('invalid-arguments', problems.join('; '));
  return {
    command: values.list ? 'list' : values.merge !== undefined ? 'merge' : 'run',
    scenarios,
    iso: values.iso,
    out: values.out ?? 'e2e-results',
    history: values.history,
    keepPassingFilmstrips: values['keep-filmstrips'] ?? false,
    concurrency,
    requireRun: values['require-run'] ?? false,
    json: values.json ?? false,
    merge: values.merge,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      scenario: { type: 'string', multiple: true },
      iso: { type: 'string' },
      out: { type: 'string' },
      history: { type: 'string' },
      'keep-filmstrips': { type: 'boolean' },
      concurrency: { type: 'string' },
      'require-run': { type: 'boolean' },
      list: { type: 'boolean' },
      json: { type: 'boolean' },
      merge: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
