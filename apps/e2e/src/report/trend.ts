import { formatDuration } from './format.ts';
import type { HistoryEntry } from './history.ts';

const bars = '▁▂▃▄▅▆▇█';

/**
 * The trend per scenario over its last `window` runs: pass rate, newest and median time to SSH,
 * the change of the median against the window before, and a sparkline (`✗` failed, `·` not run).
 */
export function renderTrend(entries: readonly HistoryEntry[], window = 10): string {
  const byScenario = new Map<string, HistoryEntry[]>();
  for (const entry of [...entries].sort((a, b) => a.date.localeCompare(b.date))) {
    byScenario.set(entry.scenario, [...(byScenario.get(entry.scenario) ?? []), entry]);
  }
  if (byScenario.size === 0) return 'no history yet\n';
  const lines = [`scenario            runs  passed  time to SSH: newest  median  change   last ${window}`];
  for (const [scenario, all] of [...byScenario].sort(([a], [b]) => a.localeCompare(b))) {
    const recent = all.slice(-window);
    const before = all.slice(-2 * window, -window);
    const ran = recent.filter((e) => e.verdict !== 'not-run');
    const passed = ran.filter((e) => e.verdict === 'passed').length;
    const median = medianTimeToSsh(recent);
    const previous = medianTimeToSsh(before);
    const change =
      median !== undefined && previous
        ? `${median >= previous ? '+' : ''}${(((median - previous) / previous) * 100).toFixed(0)} %`
        : '—';
    const newest = [...recent].reverse().find((e) => e.verdict === 'passed')?.timeToSshMs;
    lines.push(
      [
        scenario.padEnd(19),
        String(recent.length).padStart(4),
        `${ran.length ? `${passed}/${ran.length}` : '—'}`.padStart(7),
        formatDuration(newest).padStart(20),
        formatDuration(median).padStart(7),
        change.padStart(7),
        `  ${sparkline(recent)}`,
      ].join(' '),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Median time to SSH of the passed runs, or undefined when none passed. */
export function medianTimeToSsh(entries: readonly HistoryEntry[]): number | undefined {
  const times = entries
    .flatMap((e) => (e.verdict === 'passed' && e.timeToSshMs !== undefined ? [e.timeToSshMs] : []))
    .sort((a, b) => a - b);
  if (times.length === 0) return undefined;
  const middle = Math.floor(times.length / 2);
  return times.length % 2
    ? (times[middle] as number)
    : ((times[middle - 1] as number) + (times[middle] as number)) / 2;
}

/** One character per run: a bar scaled between the window's fastest and slowest pass, `✗`, or `·`. */
export function sparkline(entries: readonly HistoryEntry[]): string {
  const times = entries.flatMap((e) =>
    e.verdict === 'passed' && e.timeToSshMs !== undefined ? [e.timeToSshMs] : [],
  );
  const low = Math.min(...times);
  const high = Math.max(...times);
  return entries
    .map((e) => {
      if (e.verdict === 'not-run') return '·';
      if (e.verdict === 'failed' || e.timeToSshMs === undefined) return '✗';
      const level = high === low ? 0 : Math.round(((e.timeToSshMs - low) / (high - low)) * (bars.length - 1));
      return bars[level];
    })
    .join('');
}
