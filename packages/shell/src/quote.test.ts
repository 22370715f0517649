import { execFileSync } from 'node:child_process';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { powerShellSingleQuotes, quotePosix, quotePowerShell } from './index';

const tools = requireHostTools([{ command: 'sh', debian: 'dash' }]);
const text = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((t) => !t.includes('\0'));

describe.skipIf(!tools.available)('quotePosix, read back by sh', () => {
  test('any text comes back unchanged, quoted or bare', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 4 }), (words) => {
        const script = `printf '%s\\0' ${words.map((w) => quotePosix(w)).join(' ')}`;
        const out = execFileSync('sh', ['-c', script], { encoding: 'utf8' });
        expect(out.split('\0').slice(0, -1)).toEqual(words.length ? words : ['']);
      }),
      { numRuns: 40 },
    );
  });
});

describe('quotePosix / quotePowerShell', () => {
  test.each([
    ['disk.qcow2', 'disk.qcow2', "'disk.qcow2'"],
    ['a b,c', "'a b,c'", "'a b,c'"],
    ["it's", "'it'\\''s'", "'it''s'"],
    ['$HOME `x`', "'$HOME `x`'", "'$HOME `x`'"],
    ['', "''", "''"],
  ])('%j → sh %s, PowerShell %s', (input, posix, powershell) => {
    expect(quotePosix(input)).toBe(posix);
    expect(quotePowerShell(input)).toBe(powershell);
  });

  test('PowerShell: every quote character PowerShell knows is doubled, so the text reads back whole', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '$', ...powerShellSingleQuotes) }), (value) => {
        const quoted = quotePowerShell(value);
        const inner = quoted.slice(1, -1);
        let read = '';
        for (let i = 0; i < inner.length; i++) {
          const char = inner[i] as string;
          read += char;
          if ((powerShellSingleQuotes as readonly string[]).includes(char)) {
            expect(powerShellSingleQuotes).toContain(inner[i + 1]);
            i++;
          }
        }
        expect(read).toBe(value);
      }),
    );
  });

  test('PowerShell bare arguments: plain words and flags stay bare, `-x.y` lookalikes are quoted', () => {
    expect(quotePowerShell('-accel', { bare: true })).toBe('-accel');
    expect(quotePowerShell('C:\\qemu\\disk.qcow2', { bare: true })).toBe('C:\\qemu\\disk.qcow2');
    expect(quotePowerShell('-name.ext', { bare: true })).toBe("'-name.ext'");
  });
});
