import { type FSWatcher, watch } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The watch loop's pause between two looks at the guest: at most `tickMs`, and shorter when the
 * watched file (the serial log) changes or another awaited promise settles, so a `WINGUEST …` line
 * is acted on when the guest writes it, not at the next tick. Watching is best effort (a platform or
 * file system without change notifications leaves the tick as the bound).
 */
export class LoopPause {
  readonly #tickMs: number;
  readonly #watcher?: FSWatcher;
  #changed = Promise.withResolvers<void>();

  constructor(path: string, tickMs: number) {
    this.#tickMs = tickMs;
    try {
      this.#watcher = watch(path, { persistent: false }, () => this.#wake());
      this.#watcher.on('error', () => this.#watcher?.close());
    } catch {
      // No watcher (missing file, no inotify instances left): the tick alone paces the loop.
    }
  }

  /** Resolves after the tick, a change of the file, or when one of `also` settles, whichever is first. */
  async wait(...also: Promise<unknown>[]): Promise<void> {
    const tick = new AbortController();
    try {
      await Promise.race([
        sleep(this.#tickMs, undefined, { signal: tick.signal }),
        this.#changed.promise,
        ...also,
      ]);
    } finally {
      tick.abort();
    }
  }

  /** Stops watching the file. */
  close(): void {
    this.#watcher?.close();
  }

  #wake(): void {
    this.#changed.resolve();
    this.#changed = Promise.withResolvers<void>();
  }
}
