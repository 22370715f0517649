// Cold-start benchmark of the built CLI: median wall time of repeated runs, each a fresh process,
// next to a bare `node -e ""` on the same machine as the floor. Prints figures; asserts nothing.
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

function time(args: string[], options: { cwd?: string; prepare?: () => void } = {}): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    options.prepare?.();
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, {
      cwd: options.cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0 && args[0] !== '-e') {
      throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    }
  }
  return median(samples);
}

const floor = time(['-e', '']);
const rows: Array<[string, number, number]> = [['node -e "" (floor)', floor, 0]];
rows.push(['winguest --help', time([cli, '--help']), 100]);
const work = mkdtempSync(join(tmpdir(), 'winguest-bench-'));
const extra = (process.env.BENCH_BUILD_ARGS ?? '').split(' ').filter(Boolean);
if (extra.length > 0 || process.env.BENCH_BUILD !== '0') {
  const out = join(work, 'out');
  try {
    rows.push([
      'winguest build (defaults)',
      time([cli, 'build', '--out', out, '--force', ...extra], {
        cwd: work,
        prepare: () => rmSync(out, { recursive: true, force: true }),
      }),
      100,
    ]);
  } catch (error) {
    console.log(`winguest build: not measured (${(error as Error).message.split('\n')[0]})`);
  }
}
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
