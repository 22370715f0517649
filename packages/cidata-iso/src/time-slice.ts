/**
 * Keeps a long synchronous job from holding the event loop: the job asks `due()` at points where it
 * may stop (cheap: a clock read) and, when its slice has run `sliceMs`, awaits `pause()`, which lets
 * timers and I/O callbacks run before it goes on. Planning a large image (walking, checking names,
 * laying out directories) is CPU and synchronous file-system work; in slices, a server that writes
 * images keeps answering while it plans.
 */
export class TimeSlice {
  private started = performance.now();

  constructor(private readonly sliceMs = 10) {}

  /** True once the current slice has run its time: call `pause()` at the next safe point. */
  due(): boolean {
    return performance.now() - this.started >= this.sliceMs;
  }

  /** Gives the event loop one turn, then starts a new slice. */
  async pause(): Promise<void> {
    await new Promise((resume) => setImmediate(resume));
    this.started = performance.now();
  }
}
