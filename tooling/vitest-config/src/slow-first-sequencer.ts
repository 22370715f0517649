import { readFileSync, statSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** A file allows a test minutes (a literal such as `600_000`): it boots a guest, so it is slow. */
const minutesTimeout = /\b[1-9]\d{2}_000\b/;

/** A file whose last run took at least this long counts as slow. */
const slowMs = 10_000;

/** Without a cache, a boot file's size in bytes times this is roughly its run time in ms (TCG). */
const msPerByte = 10;

/**
 * Starts the slow files (guest boots under TCG) first, across all projects, so they spread over
 * the workers instead of one of them arriving last and running alone. A file is slow when its
 * cached duration says so, or, on a fresh clone without a cache, when it declares a timeout of
 * minutes. Slow files run longest (or, without a cache, largest) first; the rest keep vitest's order.
 */
export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const ordered = await super.sort(files);
    const weight = new Map(ordered.map((spec) => [spec, this.slowEstimate(spec) ?? -1]));
    // Array.prototype.sort is stable: the files that are not slow (all -1) keep vitest's order.
    return ordered.sort((a, b) => (weight.get(b) ?? -1) - (weight.get(a) ?? -1));
  }

  /** The file's expected ms when it is slow (cached, else estimated from its size), else undefined. */
  private slowEstimate(spec: TestSpecification): number | undefined {
    const cached = this.ctx.cache.getTestSpecificationResult(spec);
    if (cached) return cached.duration >= slowMs ? cached.duration : undefined;
    try {
      return minutesTimeout.test(readFileSync(spec.moduleId, 'utf8'))
        ? statSync(spec.moduleId).size * msPerByte
        : undefined;
    } catch {
      return undefined;
    }
  }
}
