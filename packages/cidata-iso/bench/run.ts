// Benchmark (not a test): wall time and peak RSS of the built-in writer against xorriso and
// genisoimage on the same trees, in one run. Prints figures and ratios; asserts nothing.
import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeIso } from '@winguest/cidata-iso';
import { type Figures, rssWhy, wallWhy } from './target-reasons.ts';

const here = new URL('.', import.meta.url).pathname;
const work = await mkdtemp(join(tmpdir(), 'cidata-iso-bench-'));
const runs = Number(process.env.BENCH_RUNS ?? 7);

/** Hands a row to the root `pnpm bench` table (scripts/bench.mjs) when it is collecting. */
function report(row: Record<string, unknown>): void {
  if (row.target) {
    const verdict = row.met ? 'met' : `missed: ${row.why}`;
    console.log(`  ${String(row.metric).padEnd(9)} target ${row.target}: ${verdict}`);
  }
  const file = process.env.WINGUEST_BENCH_ROWS;
  if (file) appendFileSync(file, `${JSON.stringify({ group: 'cidata-iso', ...row })}\n`);
}

async function makeTrees(): Promise<Record<string, string>> {
  const answer = join(work, 'answer-file');
  await mkdir(answer);
  await writeFile(join(answer, 'autounattend.xml'), `${'<unattend>'.padEnd(6000, ' ')}</unattend>\n`);
  await writeFile(join(answer, 'first-logon.ps1'), 'Write-Output ok\r\n'.repeat(200));
  const many = join(work, '2000-files-50MB');
  for (let d = 0; d < 20; d++) {
    await mkdir(join(many, `dir${d}`), { recursive: true });
    for (let f = 0; f < 100; f++) {
      await writeFile(join(many, `dir${d}`, `file-${f}.bin`), Buffer.alloc(25 * 1024, (d * 100 + f) % 251));
    }
  }
  const single = join(work, '500MB-file');
  await mkdir(single);
  const block = Buffer.alloc(1 << 20, 0x5a);
  const handle = await open(join(single, 'payload.bin'), 'w');
  for (let i = 0; i < 500; i++) await handle.write(block);
  await handle.close();
  return { 'answer-file (2 files)': answer, '2,000 files / 50 MB': many, 'one 500 MB file': single };
}

const commands: Record<string, (tree: string, out: string) => string[]> = {
  'cidata-iso': (tree, out) => [process.execPath, join(here, 'write-one.mjs'), tree, out],
  'xorriso -as mkisofs -J': (tree, out) => ['xorriso', '-as', 'mkisofs', '-quiet', '-J', '-o', out, tree],
  'genisoimage -J': (tree, out) => ['genisoimage', '-quiet', '-J', '-o', out, tree],
  // The least a Node program does for the job: walk, read each file once, write the bytes (all
  // synchronous, no ISO). Its per-file cost is a floor for ours; on one big file it is no floor,
  // as its reads and writes do not overlap.
  'node walk + copy (sync)': (tree, out) => [process.execPath, join(here, 'node-floor.mjs'), tree, out],
  // Node's own start, which every Node writer pays before its first line runs.
  'node -e "" (start only)': () => [process.execPath, '-e', ''],
};

/** A tool's name as the tables show it: the program, or the whole label for the Node rows. */
const short = (tool: string) => (tool.startsWith('node') ? tool : (tool.split(' ')[0] as string));

/**
 * Wall seconds (timed here), peak RSS (MiB, GNU time's %M) and CPU seconds (user + system, all
 * threads; less disturbed than wall time when other work loads the machine) of one run of `argv`.
 */
async function runOnce(argv: string[], out: string): Promise<Figures> {
  const timeFile = join(work, 'time.txt');
  const start = performance.now();
  execFileSync('/usr/bin/time', ['-f', '%M %U %S', '-o', timeFile, ...argv], { stdio: 'ignore' });
  const wall = (performance.now() - start) / 1000;
  await rm(out, { force: true });
  const [rss = Number.NaN, user = 0, system = 0] = (await readFile(timeFile, 'utf8'))
    .trim()
    .split(' ')
    .map(Number);
  return { wall, rss: rss / 1024, cpu: user + system };
}

/**
 * Medians per tool over `runs` rounds; each round runs every tool once, so a burst of load from
 * other processes hits all of them rather than one tool's whole series.
 */
async function measureAll(tree: string): Promise<Record<string, Figures>> {
  const samples: Record<string, Figures[]> = Object.fromEntries(Object.keys(commands).map((t) => [t, []]));
  const out = join(work, 'out.iso');
  for (let i = 0; i < runs; i++) {
    for (const [tool, argv] of Object.entries(commands))
      samples[tool]?.push(await runOnce(argv(tree, out), out));
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  return Object.fromEntries(
    Object.entries(samples).map(([tool, s]) => [
      tool,
      {
        wall: median(s.map((x) => x.wall)),
        rss: median(s.map((x) => x.rss)),
        cpu: median(s.map((x) => x.cpu)),
      },
    ]),
  );
}

async function inProcess(tree: string): Promise<number> {
  const layout = [
    {
      type: 'file' as const,
      path: 'autounattend.xml',
      source: await readFile(join(tree, 'autounattend.xml')),
    },
    {
      type: 'file' as const,
      path: 'winguest/first-logon.ps1',
      source: await readFile(join(tree, 'first-logon.ps1')),
    },
  ];
  const out = join(work, 'in-process.iso');
  const times: number[] = [];
  for (let i = 0; i < 25; i++) {
    const start = performance.now();
    await writeIso(layout, out, { overwrite: true });
    times.push(performance.now() - start);
  }
  return times.slice(5).sort((a, b) => a - b)[10] ?? Number.NaN;
}

let smallRss: number | undefined;
let smallFloorRss: number | undefined;
try {
  const trees = await makeTrees();
  console.log(
    `cidata-iso benchmark: median of ${runs} interleaved rounds: wall time, peak RSS and CPU time (user + system) under GNU time\n`,
  );
  for (const [label, tree] of Object.entries(trees)) {
    const results = await measureAll(tree);
    console.log(label);
    const ours = results['cidata-iso'] as Figures;
    for (const [tool, r] of Object.entries(results)) {
      const ratio =
        tool === 'cidata-iso'
          ? ''
          : `   cidata-iso/${short(tool)}: wall ${(ours.wall / r.wall).toFixed(2)}, RSS ${(ours.rss / r.rss).toFixed(2)}`;
      console.log(
        `  ${tool.padEnd(24)} ${r.wall.toFixed(3).padStart(6)} s ${r.rss.toFixed(1).padStart(7)} MiB ${r.cpu.toFixed(2).padStart(5)} s CPU${ratio}`,
      );
    }
    const peers = (metric: 'wall' | 'rss') =>
      ['genisoimage -J', 'xorriso -as mkisofs -J', 'node walk + copy (sync)', 'node -e "" (start only)'].map(
        (tool) => ({
          name: short(tool),
          value: (results[tool] as Figures)[metric],
        }),
      );
    const subject = `write ${label}, whole process`;
    const small = label.startsWith('answer-file');
    const genisoimage = results['genisoimage -J'] as Figures;
    const floor = results['node walk + copy (sync)'] as Figures;
    const start = results['node -e "" (start only)'] as Figures;
    const wallMet = ours.wall <= genisoimage.wall;
    report({
      subject,
      metric: 'wall',
      value: ours.wall,
      unit: 's',
      peers: peers('wall'),
      ...(small
        ? {}
        : {
            target: '≤ genisoimage',
            met: wallMet,
            ...(wallMet ? {} : { why: wallWhy(ours, floor, genisoimage, start) }),
          }),
    });
    // Flat: within 10% of the RSS for the two-file answer-file tree, whatever the files or payload.
    smallRss ??= ours.rss;
    smallFloorRss ??= floor.rss;
    const rssMet = ours.rss <= smallRss * 1.1;
    report({
      subject,
      metric: 'peak RSS',
      value: ours.rss,
      unit: 'MiB',
      peers: peers('rss'),
      ...(small
        ? {}
        : {
            target: 'flat (≤ 1.1 × the 2-file RSS)',
            met: rssMet,
            ...(rssMet ? {} : { why: rssWhy(ours.rss, smallRss, floor.rss, smallFloorRss) }),
          }),
    });
    if (small) {
      const warm = await inProcess(tree);
      console.log(`  in-process writeIso       ${warm.toFixed(2)} ms (median, warm)`);
      report({
        subject: 'writeIso of the answer-file layout, in process',
        metric: 'wall',
        value: warm,
        unit: 'ms',
      });
    }
  }
  console.log('\n(wall times include process start-up: ~0.04 s for Node, less for the C tools)');
} finally {
  await rm(work, { recursive: true, force: true });
}
