import { type CommandShell, formatCommand } from '@winguest/qemu-args';

/**
 * Arguments that stress cmd.exe and PowerShell: every metacharacter, quote (PowerShell's typographic
 * ones too), trailing backslashes, empty, variables that must not expand, non-ASCII.
 */
export const roundTripArguments: readonly string[] = [
  'plain',
  'with space',
  '',
  "it's",
  '\u2018curly\u2019 \u201Aquotes\u201B',
  'a"b',
  'a\\"b',
  'C:\\dir\\',
  'C:\\Program Files\\x\\',
  '50%',
  '%PATH%',
  '!PATH!',
  '^caret',
  'a&b|c<d>e',
  '(paren)',
  '$env:PATH',
  '$(Get-Date)',
  '`tick',
  '@splat',
  '-flag',
  '-x.y',
  '--',
  'tab\there',
  'semi;colon',
  '#hash',
  '{brace}',
  ',comma',
  'file=C:\\my disk.qcow2,if=none',
  '\u00FCn\u00EFc\u00F8d\u00E9 \u2713',
];

/** The arguments each shell must carry: cmd.exe cannot carry a line break in an argument. */
export function roundTripArgv(shell: Exclude<CommandShell, 'posix'>): string[] {
  return shell === 'cmd' ? [...roundTripArguments] : [...roundTripArguments, 'two\nlines'];
}

/**
 * The command line a shell must turn back into exactly `[program, ...args]`; the program prints
 * its arguments as JSON, which `roundTripProblems` compares.
 */
export function roundTripCommand(shell: Exclude<CommandShell, 'posix'>, program: readonly string[]): string {
  return formatCommand([...program, ...roundTripArgv(shell)], shell);
}

/** Every argument the shell changed, by index (empty: the round trip holds). */
export function roundTripProblems(shell: Exclude<CommandShell, 'posix'>, printed: string): string[] {
  const expected = roundTripArgv(shell);
  let actual: unknown;
  try {
    actual = JSON.parse(printed);
  } catch {
    return [`${shell}: the program printed no JSON: ${printed.slice(0, 200)}`];
  }
  if (!Array.isArray(actual)) return [`${shell}: printed ${printed.slice(0, 200)}`];
  const problems: string[] = [];
  for (let index = 0; index < Math.max(expected.length, actual.length); index++) {
    if (actual[index] !== expected[index]) {
      problems.push(
        `${shell}: argument ${index} is ${JSON.stringify(actual[index])}, expected ${JSON.stringify(expected[index])}`,
      );
    }
  }
  return problems;
}
