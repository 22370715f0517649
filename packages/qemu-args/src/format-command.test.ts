import { execFileSync } from 'node:child_process';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cmdUnescape, parseCrt, parsePowershell } from './__fixtures__/shell-parsers';
import { formatCommand, UnformattableArgumentError } from './index';

const shellTools = requireHostTools([{ command: 'sh', debian: 'dash' }]);

/** Text that stresses shells: their metacharacters, quotes, spaces, and any Unicode. */
const nasty = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...` '"$\`\\!*?[]{}()<>|&;#~%^,=@-\t‘’`.split('')),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => c !== '\0'),
  ),
});
/** What a Windows path can hold: anything but NUL, control characters and `"<>|?*`. */
const windowsPathText = nasty.map((s) =>
  [...s].map((c) => (c.charCodeAt(0) < 0x20 || '"<>|?*'.includes(c) ? '_' : c)).join(''),
);

describe('formatCommand', () => {
  test.each([
    ['posix', "/usr/bin/qemu-system-x86_64 -drive 'file=/tmp/my disk.qcow2' -name 'it'\\''s'"],
    ['powershell', "& /usr/bin/qemu-system-x86_64 -drive 'file=/tmp/my disk.qcow2' -name 'it''s'"],
    ['cmd', '/usr/bin/qemu-system-x86_64 -drive ^"file=/tmp/my disk.qcow2^" -name ^"it\'s^"'],
  ] as const)('%s', (shell, expected) => {
    const argv = ['/usr/bin/qemu-system-x86_64', '-drive', 'file=/tmp/my disk.qcow2', '-name', "it's"];
    expect(formatCommand(argv, shell)).toBe(expected);
  });

  test.each([
    [
      'powershell',
      ['C:\\Program Files\\qemu\\qemu.exe', '-name', 'a,b', '-x.y', ''],
      "& 'C:\\Program Files\\qemu\\qemu.exe' -name 'a,b' '-x.y' ''",
    ],
    [
      'cmd',
      ['C:\\Program Files\\qemu\\qemu.exe', 'C:\\dir\\', '50%', 'a"b'],
      '^"C:\\Program Files\\qemu\\qemu.exe^" C:\\dir\\ ^"50^%^" ^"a\\^"b^"',
    ],
    ['cmd', ['q', 'C:\\my dir\\', ''], 'q ^"C:\\my dir\\\\^" ^"^"'],
  ] as const)('%s quoting rules: %j', (shell, argv, expected) => {
    expect(formatCommand(argv, shell)).toBe(expected);
  });

  test.each(['posix', 'powershell', 'cmd'] as const)('refuses NUL for %s', (shell) => {
    expect(() => formatCommand(['q', 'a\0b'], shell)).toThrow(UnformattableArgumentError);
  });

  test('refuses a line break for cmd, naming the argument', () => {
    expect(() => formatCommand(['q', 'ok', 'a\nb'], 'cmd')).toThrow(/Argument 2 cannot be written for cmd/);
  });

  test.skipIf(!shellTools.available)('posix: sh reads back exactly the arguments, for arbitrary text', () => {
    const samples = fc.sample(fc.array(nasty, { minLength: 1, maxLength: 4 }), { numRuns: 120, seed: 6 });
    samples.push(['', "'", "''", '\\', '$HOME', '`id`', '\n', ' leading', 'trailing ', '~', '-n']);
    for (const args of samples) {
      const line = formatCommand(['printf', '%s\\0', ...args], 'posix');
      const out = execFileSync('sh', ['-c', line], { env: { LC_ALL: 'C.UTF-8' } }).toString('utf8');
      expect(out.split('\0').slice(0, -1), line).toEqual(args);
    }
  });

  test('powershell: the documented single-quote rules read back exactly the arguments', () => {
    fc.assert(
      fc.property(fc.array(nasty, { minLength: 1 }), (argv) => {
        expect(parsePowershell(formatCommand(argv, 'powershell'))).toEqual(argv);
      }),
      { numRuns: 500 },
    );
  });

  test('cmd: every metacharacter is escaped, and the C runtime parser reads back exactly the arguments', () => {
    fc.assert(
      fc.property(fc.array(windowsPathText, { minLength: 1 }), (argv) => {
        expect(parseCrt(cmdUnescape(formatCommand(argv, 'cmd')))).toEqual(argv);
      }),
      { numRuns: 500 },
    );
  });

  test.each(['posix', 'powershell', 'cmd'] as const)('%s output is deterministic', (shell) => {
    const argv = ['q', 'a b', '%x%', "'"];
    expect(formatCommand(argv, shell)).toBe(formatCommand([...argv], shell));
  });
});
