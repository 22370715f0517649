import fc from 'fast-check';
import { expect, test } from 'vitest';
import { printable } from './terminal-text';

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const terminalActs = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

test.each([
  ['Windows 11 Pro', 'Windows 11 Pro'],
  ['Über ✓ 日本語', 'Über ✓ 日本語'],
  ['a\u001b[2J\u001b]0;owned\u0007b', 'a\\x1b[2J\\x1b]0;owned\\x07b'],
  ['line\nbreak\ttab\r', 'line\\x0abreak\\x09tab\\x0d'],
  ['c1 \u009b31m csi', 'c1 \\x9b31m csi'],
  ['evil\u202egnp.exe', 'evil\\u202egnp.exe'],
  ['\u007f', '\\x7f'],
])('%j prints as %j', (input, shown) => {
  expect(printable(input)).toBe(shown);
});

test('no output holds a character the terminal acts on, and safe text is unchanged', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (text) => {
      const shown = printable(text);
      expect(shown).not.toMatch(terminalActs);
      if (!terminalActs.test(text)) expect(shown).toBe(text);
    }),
  );
});
