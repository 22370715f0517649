import { describe, expect, test } from 'vitest';
import { randomBytesFromSystem, randomIndexes } from './random-bytes';

describe('random bytes from the system', () => {
  test('gives the length asked for, different each time', () => {
    const a = randomBytesFromSystem(32);
    const b = randomBytesFromSystem(32);
    expect([a.length, b.length]).toEqual([32, 32]);
    expect(a.equals(b)).toBe(false);
  });

  test('indexes cover [0, bound) without modulo bias', () => {
    // With bound 200, `byte % 200` would make 0..55 twice as likely as 56..199.
    const counts = new Array<number>(200).fill(0);
    for (const i of randomIndexes(100_000, 200)) counts[i] = (counts[i] ?? 0) + 1;
    const mean = (from: number, to: number) =>
      counts.slice(from, to).reduce((a, b) => a + b, 0) / (to - from);
    expect(counts.every((n) => n > 0)).toBe(true);
    // Each mean is of ≥ 56 counts around 500: far inside 10 % when uniform, 2× apart when biased.
    expect(mean(0, 56) / mean(56, 200)).toBeGreaterThan(0.9);
    expect(mean(0, 56) / mean(56, 200)).toBeLessThan(1.1);
  });

  test('a bound outside 1..256 is refused', () => {
    expect(() => randomIndexes(1, 0)).toThrow('bound 0 is not in 1..256');
    expect(() => randomIndexes(1, 257)).toThrow('bound 257 is not in 1..256');
  });
});
