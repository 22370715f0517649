import { describe, expect, test } from 'vitest';
import { createIsoStream, type IsoLayout } from './index';

// 50,000 entries take a few hundred milliseconds to plan: far more than one 10 ms slice anywhere.
const large: IsoLayout = Array.from({ length: 50_000 }, (_, i) => ({
  type: 'file' as const,
  path: `dir-${Math.floor(i / 1000)}/file-${i}.txt`,
  source: 'x',
}));

describe('planning a large image', () => {
  test('lets timers run while it plans, so a server writing images keeps answering', async () => {
    let planned = false;
    const ticks: boolean[] = [];
    const timer = setInterval(() => ticks.push(planned), 1);
    try {
      const stream = await createIsoStream(large);
      planned = true;
      expect(stream.size).toBeGreaterThan(50_000 * 2048);
    } finally {
      clearInterval(timer);
    }
    // Timers fired before planning finished: the event loop got turns in between.
    expect(ticks.filter((afterPlanning) => !afterPlanning).length).toBeGreaterThan(0);
  });
});
