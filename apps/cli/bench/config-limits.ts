// Largest config the CLI handles: wall time and peak memory (max RSS of the CLI process) of
// `winguest build` on configs with N keys under `answer:`. Every key is unknown, so the run ends at
// validation, as a generated or hostile config would. Prints figures; asserts nothing.
// Run: pnpm --filter @winguest/cli build && node apps/cli/bench/config-limits.ts
// BENCH_KEYS=10000,40000 picks the sizes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
const sizes = (process.env.BENCH_KEYS ?? '10000,40000,100000,200000').split(',').map(Number);
const work = mkdtempSync(join(tmpdir(), 'winguest-config-bench-'));
const rssFile = join(work, 'rss');
// Loaded before the CLI: records the process's peak RSS (KiB on Linux) when it exits.
const hook = join(work, 'rss-hook.mjs');
writeFileSync(
  hook,
  `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`,
);

console.log(`winguest build on large configs (Node ${process.version}, ${process.platform})`);
for (const count of sizes) {
  const file = join(work, `answer-${count}.yaml`);
  const keys = Array.from({ length: count }, (_, i) => `  k${i}: ${i}`);
  writeFileSync(file, `answer:\n${keys.join('\n')}\n`);
  const start = process.hrtime.bigint();
  const run = spawnSync(
    process.execPath,
    ['--import', hook, cli, 'build', '-c', file, '--out', join(work, 'out')],
    {
      stdio: 'ignore',
      env: { ...process.env, HOME: work, WINGUEST_PASSWORD: 'Pa55-word' },
    },
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rssMiB = Number(readFileSync(rssFile, 'utf8')) / 1024;
  const kib = statSync(file).size / 1024;
  console.log(
    `${String(count).padStart(7)} keys ${kib.toFixed(0).padStart(6)} KiB  ${seconds.toFixed(2).padStart(6)} s  ${rssMiB.toFixed(0).padStart(5)} MiB peak  exit ${run.status}`,
  );
}
rmSync(work, { recursive: true, force: true });
