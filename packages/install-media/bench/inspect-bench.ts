// Benchmark: inspect a UDF image whose sources/install.wim is 2 GiB and report wall time and bytes
// read. Targets: under 50 ms and under 8 MB read. Run with `pnpm bench` (after a build).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { inspectInstallMedia, openFileSource } from '@winguest/install-media';

const runs = 20;
const dir = mkdtempSync(join(tmpdir(), 'winguest-bench-install-media-'));
try {
  const tree = join(dir, 'tree');
  mkdirSync(tree);
  writeFileSync(join(tree, 'payload.bin'), '');
  truncateSync(join(tree, 'payload.bin'), 2 * 1024 ** 3); // sparse: cheap to make, 2 GiB to store
  const media = join(dir, 'media');
  mkdirSync(join(media, 'sources'), { recursive: true });
  const wim = join(media, 'sources', 'install.wim');
  const quiet = { stdio: 'ignore' } as const;
  execFileSync('wimlib-imagex', ['capture', tree, wim, 'Windows 11 Pro', '--compress=none'], quiet);
  const iso = join(dir, 'bench.iso');
  execFileSync(
    'genisoimage',
    ['-quiet', '-udf', '-J', '-V', 'CCCOMA_X64FRE_EN-US_DV9', '-o', iso, media],
    quiet,
  );
  rmSync(media, { recursive: true });

  const times: number[] = [];
  let bytesRead = 0;
  let reads = 0;
  for (let i = 0; i < runs; i++) {
    const source = await openFileSource(iso);
    const start = performance.now();
    const result = await inspectInstallMedia(source);
    times.push(performance.now() - start);
    bytesRead = source.bytesRead;
    reads = source.reads;
    await source.close();
    if (result.images[0]?.name !== 'Windows 11 Pro')
      throw new Error('benchmark image was not read correctly');
  }
  times.sort((a, b) => a - b);
  const mb = (n: number) => (n / 1e6).toFixed(3);
  console.log(
    `install-media: inspect a ${mb(statSync(iso).size)} MB UDF image (install.wim ${mb(2 * 1024 ** 3)} MB)`,
  );
  console.log(
    `  wall time: fastest ${times[0]?.toFixed(2)} ms, median ${times[runs >> 1]?.toFixed(2)} ms, slowest ${times[runs - 1]?.toFixed(2)} ms over ${runs} runs (target < 50 ms)`,
  );
  console.log(`  bytes read: ${bytesRead} (${mb(bytesRead)} MB) in ${reads} reads (target < 8 MB)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
