// Cold-start benchmark of the built CLI: median wall time of repeated runs, each a fresh process,
// next to a bare `node -e ""` on the same machine as the floor. Prints figures; asserts nothing.
// The CLI keeps a V8 code cache per command (src/load-bundle.ts): the rows measure runs with it in
// place (one unmeasured run first writes it) and, for `build`, the first run ever (an empty cache
// directory each time, the cache written at its end).
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
const runs = Number(process.env.BENCH_RUNS ?? 15);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

interface Subject {
  name: string;
  args: string[];
  target?: number;
  cwd?: string;
  prepare?: () => void;
  env?: NodeJS.ProcessEnv;
  samples: number[];
  failed?: string;
}

/** One fresh process of `subject`; a failing command (not the floor) is set aside with its error. */
function runOnce(subject: Subject): void {
  subject.prepare?.();
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, subject.args, {
    cwd: subject.cwd,
    env: subject.env ?? process.env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  subject.samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  if (result.status !== 0 && subject.args[0] !== '-e')
    subject.failed = `${subject.args.join(' ')} exited ${result.status}: ${result.stderr}`;
}

const work = mkdtempSync(join(tmpdir(), 'winguest-bench-'));
const out = join(work, 'out');
const extra = (process.env.BENCH_BUILD_ARGS ?? '').split(' ').filter(Boolean);
const subjects: Subject[] = [
  { name: 'node -e "" (floor)', args: ['-e', ''], samples: [] },
  { name: 'winguest --help', args: [cli, '--help'], target: 100, samples: [] },
];
if (extra.length > 0 || process.env.BENCH_BUILD !== '0') {
  subjects.push({
    name: 'winguest build (defaults)',
    args: [cli, 'build', '--out', out, '--force', ...extra],
    target: 100,
    cwd: work,
    prepare: () => rmSync(out, { recursive: true, force: true }),
    samples: [],
  });
  const emptyCache = join(work, 'compile-cache');
  subjects.push({
    name: 'winguest build, first run',
    args: [cli, 'build', '--out', out, '--force', ...extra],
    target: 100,
    cwd: work,
    env: { ...process.env, NODE_COMPILE_CACHE: emptyCache },
    prepare: () => {
      rmSync(out, { recursive: true, force: true });
      rmSync(emptyCache, { recursive: true, force: true });
    },
    samples: [],
  });
}
// One unmeasured run each writes the code caches the measured runs read.
for (const subject of subjects) {
  runOnce(subject);
  subject.samples.length = 0;
}
// Rounds: each runs every subject once, so a burst of load from other processes hits all of them
// rather than one subject's whole series, and the ratios stay comparable on a busy machine.
for (let i = 0; i < runs; i++) for (const subject of subjects) if (!subject.failed) runOnce(subject);
for (const subject of subjects.filter((s) => s.failed))
  console.log(`${subject.name}: not measured (${subject.failed?.split('\n')[0]})`);
const rows: Array<[string, number, number]> = subjects
  .filter((s) => !s.failed)
  .map((s) => [s.name, median(s.samples), s.target ?? 0]);
const floor = rows[0]?.[1] as number;
rmSync(work, { recursive: true, force: true });

/** Hands a row to the root `pnpm bench` table (scripts/bench.mjs) when it is collecting. */
function report(row: Record<string, unknown>): void {
  const file = process.env.WINGUEST_BENCH_ROWS;
  if (file) appendFileSync(file, `${JSON.stringify({ group: 'cli', ...row })}\n`);
}

const helpMs = rows[1]?.[1];
for (const [name, ms, target] of rows.slice(1)) {
  const peers = [{ name: 'node -e ""', value: floor }];
  if (name !== 'winguest --help' && helpMs !== undefined)
    peers.push({ name: 'winguest --help', value: helpMs });
  report({
    subject: `${name}, cold process`,
    metric: 'wall',
    value: ms,
    unit: 'ms',
    peers,
    target: `≤ ${target} ms`,
    met: ms <= target,
  });
}

console.log(`cold start, median of ${runs} runs (Node ${process.version})`);
for (const [name, ms, target] of rows) {
  const ratio = (ms / floor).toFixed(1);
  console.log(
    `${name.padEnd(28)} ${ms.toFixed(1).padStart(7)} ms  ${ratio}× node floor${target ? `  (target ≤ ${target} ms)` : ''}`,
  );
}
