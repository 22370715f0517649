import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { LoopPause } from './loop-pause';

describe('the watch loop pause', () => {
  let dir: string;
  let log: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'loop-pause-'));
    log = join(dir, 'serial.log');
    writeFileSync(log, '');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a line written to the serial log ends the pause long before the tick', async () => {
    const pause = new LoopPause(log, 10_000);
    try {
      const started = Date.now();
      const waiting = pause.wait();
      setTimeout(() => appendFileSync(log, 'WINGUEST ready\r\n'), 50);
      await waiting;
      expect(Date.now() - started).toBeLessThan(2_000);
      // Each change wakes one pause: the next one waits for the next change.
      const next = pause.wait();
      setTimeout(() => appendFileSync(log, 'more\r\n'), 50);
      await next;
      expect(Date.now() - started).toBeLessThan(4_000);
    } finally {
      pause.close();
    }
  });

  test('without changes it lasts the tick, a missing file leaves the tick, a settled promise ends it early', async () => {
    const unwatched = new LoopPause(join(dir, 'missing.log'), 300);
    const watched = new LoopPause(log, 10_000);
    try {
      let started = Date.now();
      await unwatched.wait();
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      started = Date.now();
      await watched.wait(Promise.resolve());
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      unwatched.close();
      watched.close();
    }
  });
});
