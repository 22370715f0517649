import type { VmEvent } from '@winguest/vm';
import type { Output } from '../output';

/** Formats milliseconds as `42.1s` or `3m07s` or `1h02m`. */
export function duration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(Math.floor(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

export interface ProgressRenderer {
  onEvent(event: VmEvent): void;
  /** Stops the live line (call before printing anything else). */
  close(): void;
}

/**
 * Renders VM events: NDJSON on stdout with --json; on a terminal a live status line (stage and
 * elapsed time) with a permanent line per finished stage; otherwise plain, timestamped lines.
 */
export function createProgressRenderer(out: Output, mode: 'json' | 'tty' | 'plain'): ProgressRenderer {
  if (mode === 'json') {
    return {
      onEvent: ({ type, ...rest }) =>
        out.line(JSON.stringify(out.redactor.value({ type: 'event', event: type, ...rest }))),
      close: () => undefined,
    };
  }
  const started = Date.now();
  let stage = 'starting';
  let stageSince = 0;
  let timer: NodeJS.Timeout | undefined;
  const live = () => {
    if (mode !== 'tty') return;
    const now = Date.now() - started;
    out.stderr.write(
      `\r\u001b[K${out.bold(stage)}  ${duration(now - stageSince)}  ${out.dim(`(total ${duration(now)})`)}`,
    );
  };
  const print = (elapsedMs: number, text: string) => {
    if (mode === 'tty') out.stderr.write('\r\u001b[K');
    out.info(`${out.dim(`[${duration(elapsedMs).padStart(6)}]`)} ${text}`);
    live();
  };
  if (mode === 'tty') timer = setInterval(live, 1000).unref();
  return {
    onEvent(event) {
      switch (event.type) {
        case 'stage':
          if (event.previous)
            print(
              event.elapsedMs,
              `${out.green('✓')} ${event.previous.stage} ${out.dim(duration(event.previous.durationMs))}`,
            );
          stage = event.stage;
          stageSince = event.elapsedMs;
          print(event.elapsedMs, `→ ${event.stage}`);
          break;
        case 'step':
          if (event.status !== 'start') {
            const paint = event.status === 'fail' ? out.red : event.status === 'ok' ? out.green : out.dim;
            print(
              event.elapsedMs,
              `  ${event.step} ${paint(event.status)}${event.seconds === undefined ? '' : ` ${event.seconds}s`}${event.message ? ` ${event.message}` : ''}`,
            );
          }
          break;
        case 'reboot':
          print(event.elapsedMs, `  guest rebooted (${event.count})`);
          break;
        case 'warning':
          print(event.elapsedMs, `${out.yellow('warning:')} ${event.message}`);
          break;
        case 'action':
          print(event.elapsedMs, `  ${describeAction(event as unknown as Record<string, unknown>)}`);
          break;
        default:
          live();
      }
    },
    close() {
      if (timer) clearInterval(timer);
      if (mode === 'tty') out.stderr.write('\r\u001b[K');
    },
  };
}

function describeAction(event: Record<string, unknown>): string {
  const detail = Object.entries(event)
    .filter(([key]) => !['type', 'at', 'elapsedMs', 'action'].includes(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  return `${String(event.action)}${detail ? ` ${detail}` : ''}`;
}
