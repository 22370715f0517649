// Benchmark: inspect a UDF image whose sources/install.wim is 2 GiB and report wall time and bytes
// read. Targets: under 50 ms and under 8 MB read. Run with `pnpm bench` (after a build).
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
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
  const keptWim = join(dir, 'install.wim');
  renameSync(wim, keptWim);
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
  // The peer: wimlib's wiminfo reading the same WIM's metadata, as a whole process (ours is in process).
  const peerTimes: number[] = [];
  for (let i = 0; i < Math.min(runs, 7); i++) {
    const start = performance.now();
    execFileSync('wiminfo', [keptWim], quiet);
    peerTimes.push(performance.now() - start);
  }
  peerTimes.sort((a, b) => a - b);
  const wiminfo = peerTimes[peerTimes.length >> 1] ?? Number.NaN;
  console.log(`  wiminfo on the same WIM (whole process): median ${wiminfo.toFixed(2)} ms`);
  const file = process.env.WINGUEST_BENCH_ROWS;
  if (file) {
    const row = {
      group: 'install-media',
      subject: 'inspect a UDF image with a 2 GiB install.wim, in process',
      metric: 'wall',
      value: times[runs >> 1],
      unit: 'ms',
      peers: [{ name: 'wiminfo (process, WIM only)', value: wiminfo }],
      target: '< 50 ms',
    };
    appendFileSync(file, `${JSON.stringify(row)}\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
