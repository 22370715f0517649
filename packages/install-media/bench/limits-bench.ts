// Benchmark (not a test): what the largest inputs the readers accept cost. WIM XML metadata at the
// 16 MiB limit, well-formed (many editions) and hostile (markup that never closes, an attribute
// soup); each case in a fresh process so peak RSS is its own. Prints; asserts nothing.
// Run after a build: `pnpm --filter @winguest/install-media bench:limits`.
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { bufferSource, readWimInfo } from '@winguest/install-media';
import { tinyWim, tinyWimXml } from '../src/__fixtures__/tiny-wim.ts';

const limit = 16 * 1024 * 1024;
const chars = limit / 2 - 16; // UTF-16: two bytes a character, less the BOM and some slack

const cases: Record<string, () => string> = {
  'well-formed, editions up to 16 MiB': () => {
    const image = tinyWimXml.slice(tinyWimXml.indexOf('<IMAGE'), tinyWimXml.lastIndexOf('</WIM>'));
    return `<WIM>${image.repeat(Math.floor((chars - 11) / image.length))}</WIM>`;
  },
  'hostile: "<a" repeated, never closed': () => `<WIM>${'<a'.repeat(chars / 2 - 3)}`,
  'hostile: one tag, attribute soup': () => `<WIM><IMAGE ${'a'.repeat(chars - 40)}></IMAGE></WIM>`,
  'hostile: "&#" and text interleaved': () =>
    `<WIM>${'&#x41;&amp;'.repeat(Math.floor((chars - 11) / 11))}</WIM>`,
};

const [mode, name] = process.argv.slice(2);
if (mode === 'run') {
  const xml = (cases[name as string] as () => string)();
  const wim = bufferSource(tinyWim(xml));
  const start = performance.now();
  const outcome = await readWimInfo(wim).then(
    (info) => `${info.images.length} images`,
    (error: { code?: string }) => `error ${error.code}`,
  );
  const ms = performance.now() - start;
  console.log(
    JSON.stringify({ ms, rss: process.resourceUsage().maxRSS / 1024, outcome, mib: wim.size / 2 ** 20 }),
  );
} else {
  console.log('readWimInfo on XML metadata at the size limit: wall time, peak RSS, outcome\n');
  for (const label of Object.keys(cases)) {
    const out = JSON.parse(
      execFileSync(process.execPath, ['--no-warnings', process.argv[1] as string, 'run', label], {
        encoding: 'utf8',
      }),
    ) as { ms: number; rss: number; outcome: string; mib: number };
    console.log(
      `  ${label.padEnd(40)} ${out.mib.toFixed(1)} MiB: ${out.ms.toFixed(0).padStart(5)} ms, peak RSS ${out.rss.toFixed(0)} MiB, ${out.outcome}`,
    );
  }
}
