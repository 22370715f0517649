// Median time to render a full Windows 11 spec, to lint the result, and to lint each answer file of
// the test corpus (7–15 KB), on the built package; then one lint of 100 000 same-named siblings.
// Run with `pnpm bench` (builds first). Prints figures; asserts nothing.
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { decodeAnswerFile, lintAnswerFile, parseAnswerFile, renderAnswerFile } from '@winguest/answerfile';
import { fullWindows11Spec } from '../src/__fixtures__/specs.ts';

const runs = Number(process.env.BENCH_RUNS ?? 1000);

function measure(fn: () => unknown, times = runs): { median: number; p95: number } {
  for (let i = 0; i < Math.min(200, times); i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(times / 2)] ?? 0, p95: samples[Math.floor(times * 0.95)] ?? 0 };
}

const xml = renderAnswerFile(fullWindows11Spec);
const results: Record<string, { median: number; p95: number }> = {
  'render (validate + build + serialise)': measure(() => renderAnswerFile(fullWindows11Spec)),
  [`lint generated Windows 11 (${(xml.length / 1024).toFixed(1)} KB)`]: measure(() =>
    lintAnswerFile(xml, { arch: 'amd64', firmware: 'uefi' }),
  ),
  '  of which parse': measure(() => parseAnswerFile(xml)),
};
const corpus = new URL('../src/__fixtures__/real-world/', import.meta.url);
for (const name of readdirSync(corpus).sort()) {
  const text = decodeAnswerFile(readFileSync(new URL(name, corpus)));
  results[`lint ${name.replace(/\.xml$/, '')} (${(text.length / 1024).toFixed(1)} KB)`] = measure(() =>
    lintAnswerFile(text),
  );
}
const siblings = Array.from(
  { length: 100_000 },
  (_, i) =>
    `<SynchronousCommand wcm:action="add"><Order>${(i % 500) + 1}</Order><CommandLine>c ${i}</CommandLine></SynchronousCommand>`,
).join('');
const huge = xml.replace('<FirstLogonCommands>', `<FirstLogonCommands>${siblings}`);
results['lint 100 000 same-named siblings (once)'] = measure(() => lintAnswerFile(huge), 1);

console.log(`@winguest/answerfile: ${runs} runs per figure, node ${process.version}`);
const rowsFile = process.env.WINGUEST_BENCH_ROWS; // set by the root `pnpm bench` (scripts/bench.mjs)
for (const [name, { median, p95 }] of Object.entries(results)) {
  console.log(`${name.padEnd(62)} median ${median.toFixed(3)} ms   p95 ${p95.toFixed(3)} ms`);
  const row = {
    group: 'answerfile',
    subject: name.trim(),
    metric: 'wall (median)',
    value: median,
    unit: 'ms',
  };
  if (rowsFile) appendFileSync(rowsFile, `${JSON.stringify(row)}\n`);
}
