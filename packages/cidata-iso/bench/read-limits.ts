// Benchmark (not a test): how readIso scales with the tree, and what the worst input it accepts
// costs. Each case runs in a fresh Node process so peak RSS is its own. Prints; asserts nothing.
// Run after a build: `pnpm --filter @winguest/cidata-iso bench:read`.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readIso, writeIso } from '@winguest/cidata-iso';

const [mode, iso] = process.argv.slice(2);

if (mode === 'read') {
  const start = performance.now();
  const image = await readIso(iso as string);
  const ms = performance.now() - start;
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ entries: image.entries.length, ms, rss }));
} else {
  const work = await mkdtemp(join(tmpdir(), 'cidata-iso-read-bench-'));
  try {
    console.log('readIso: wall time and peak RSS of one process that lists the whole image\n');
    for (const files of [1_000, 10_000, 100_000, 500_000]) {
      const path = join(work, `${files}.iso`);
      const layout = Array.from({ length: files }, (_, i) => ({
        type: 'file' as const,
        path: `dir-${Math.floor(i / 1000)}/file-${i}.txt`,
        source: 'x',
      }));
      const wrote = performance.now();
      const { size } = await writeIso(layout, path);
      const writeMs = performance.now() - wrote;
      const out = JSON.parse(
        execFileSync(process.execPath, ['--no-warnings', process.argv[1] as string, 'read', path], {
          encoding: 'utf8',
        }),
      ) as { entries: number; ms: number; rss: number };
      console.log(
        `  ${String(files).padStart(7)} files (${(size / 2 ** 20).toFixed(0).padStart(4)} MiB image): write ${(writeMs / 1000).toFixed(1)} s, read ${out.ms.toFixed(0).padStart(5)} ms, peak RSS ${out.rss.toFixed(0)} MiB (${out.entries} entries)`,
      );
      await rm(path);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
