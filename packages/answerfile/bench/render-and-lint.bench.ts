// Median time to render a full Windows 11 spec and to lint the result, on the built package.
// Run with `pnpm bench` (builds first). Prints figures; asserts nothing.
import { lintAnswerFile, parseAnswerFile, renderAnswerFile } from '@winguest/answerfile';
import { fullWindows11Spec } from '../src/__fixtures__/specs.ts';

const runs = Number(process.env.BENCH_RUNS ?? 1000);

function measure(fn: () => unknown): { median: number; p95: number } {
  for (let i = 0; i < Math.min(200, runs); i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)] ?? 0, p95: times[Math.floor(runs * 0.95)] ?? 0 };
}

const xml = renderAnswerFile(fullWindows11Spec);
const results = {
  'render (validate + build + serialise)': measure(() => renderAnswerFile(fullWindows11Spec)),
  'lint (parse + every rule)': measure(() => lintAnswerFile(xml, { arch: 'amd64', firmware: 'uefi' })),
  '  of which parse': measure(() => parseAnswerFile(xml)),
};

console.log(
  `@winguest/answerfile: full Windows 11 spec (${xml.length} characters of XML), ${runs} runs, node ${process.version}`,
);
for (const [name, { median, p95 }] of Object.entries(results)) {
  console.log(`${name.padEnd(40)} median ${median.toFixed(3)} ms   p95 ${p95.toFixed(3)} ms`);
}
