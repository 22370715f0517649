import { closeSync, openSync, readSync } from 'node:fs';

/**
 * `count` bytes from the operating system's generator: read from /dev/urandom where there is one
 * (the same source node:crypto uses), else Web Crypto (Windows). For short-lived commands: loading
 * node:crypto or Web Crypto costs a cold start about 10 ms, reading the device file almost nothing.
 */
export function randomBytesFromSystem(count: number): Buffer {
  const out = Buffer.alloc(count);
  let got = 0;
  try {
    const fd = openSync('/dev/urandom', 'r');
    try {
      while (got < count) {
        const n = readSync(fd, out, got, count - got, null);
        if (n === 0) break;
        got += n;
      }
    } finally {
      closeSync(fd);
    }
  } catch {
    // no /dev/urandom: Web Crypto below
  }
  if (got !== count) globalThis.crypto.getRandomValues(out);
  return out;
}

/**
 * `count` uniform random integers in [0, bound) for bound ≤ 256, from {@link randomBytesFromSystem}
 * without modulo bias (bytes at or above the largest multiple of `bound` are drawn again).
 */
export function randomIndexes(count: number, bound: number): number[] {
  if (!Number.isInteger(bound) || bound < 1 || bound > 256)
    throw new RangeError(`bound ${bound} is not in 1..256`);
  const limit = 256 - (256 % bound);
  const out: number[] = [];
  while (out.length < count) {
    for (const byte of randomBytesFromSystem(Math.max(16, 2 * (count - out.length)))) {
      if (byte < limit) out.push(byte % bound);
      if (out.length === count) break;
    }
  }
  return out;
}
