import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseHistory } from './report/history.ts';
import { renderTrend } from './report/trend.ts';

/** `pnpm --filter @winguest/e2e trend [history.jsonl] [--window n]`: prints the trend per scenario. */
async function main(argv: string[]): Promise<number> {
  const windowAt = argv.indexOf('--window');
  const window = windowAt >= 0 ? Number(argv[windowAt + 1]) : 10;
  const given =
    argv.find((arg, i) => !arg.startsWith('--') && (windowAt < 0 || i !== windowAt + 1)) ??
    'e2e-history.jsonl';
  // `pnpm --filter … trend` runs in the package folder; paths are meant from where pnpm was started.
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), given);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) {
    console.error(`trend: ${file} not found (pnpm e2e --history ${file} appends to it)`);
    return 1;
  }
  const { entries, skipped } = parseHistory(text);
  process.stdout.write(renderTrend(entries, Number.isInteger(window) && window > 0 ? window : 10));
  if (skipped > 0) console.error(`trend: skipped ${skipped} line(s) of ${file} that did not parse`);
  return 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
