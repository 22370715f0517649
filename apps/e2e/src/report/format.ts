/** Milliseconds as the report shows them: `850 ms`, `42.3 s`, `12 min 05 s`, `2 h 03 min`. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** The harness's own cost in a scenario: everything that is not the guest booting to `ready`. */
export interface Overhead {
  totalMs: number;
  guestMs: number;
  outsideMs: number;
  /** outsideMs / totalMs, 0..1. */
  share: number;
}

/**
 * Total time, time in QEMU until ready, and the share spent outside it; undefined without figures.
 * Clones boot in parallel after the install, so the slowest clone's time to SSH counts as in QEMU.
 */
export function overheadOf(result: {
  totalMs: number;
  guestMs?: number | undefined;
  cloneToSshMs?: number | undefined;
}): Overhead | undefined {
  if (result.guestMs === undefined || result.totalMs <= 0) return undefined;
  const guestMs = result.guestMs + (result.cloneToSshMs ?? 0);
  const outsideMs = Math.max(0, result.totalMs - guestMs);
  return { totalMs: result.totalMs, guestMs, outsideMs, share: outsideMs / result.totalMs };
}

/** One line about the overhead, as the harness prints it. */
export function formatOverhead(scenario: string, overhead: Overhead): string {
  return `${scenario}: total ${formatDuration(overhead.totalMs)}, in QEMU until ready ${formatDuration(
    overhead.guestMs,
  )}, outside QEMU ${formatDuration(overhead.outsideMs)} (${(overhead.share * 100).toFixed(0)} %)`;
}
