import { randomIndexes } from '@winguest/shell';

const lower = 'abcdefghijkmnopqrstuvwxyz';
const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const digits = '23456789';
const symbols = '-_.+!#';

/**
 * A strong random password that meets Windows' complexity rule (three of: upper, lower, digit,
 * symbol — we always include all four) and is easy to copy: no look-alikes, no quotes or spaces.
 */
export function generatePassword(length = 20): string {
  const all = lower + upper + digits + symbols;
  const chars = [pick(lower), pick(upper), pick(digits), pick(symbols)];
  while (chars.length < length) chars.push(pick(all));
  // Fisher–Yates, each swap index uniform in [0, i] (from the system's generator, no modulo bias).
  for (let i = chars.length - 1; i > 0; i--) {
    const [j] = randomIndexes(1, i + 1) as [number];
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}

function pick(set: string): string {
  return set[randomIndexes(1, set.length)[0] as number] as string;
}
