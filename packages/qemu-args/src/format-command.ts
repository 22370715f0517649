import { quotePosix, quotePowerShell } from '@winguest/shell';
import { UnformattableArgumentError } from './errors';

/** The shells `formatCommand` writes for. */
export type CommandShell = 'posix' | 'powershell' | 'cmd';

const cmdSafe = /^[A-Za-z0-9_@+=:,./\\-]+$/;
const cmdMeta = /[()%!^"<>&|]/g;

/**
 * Renders `argv` (binary first) as one copy-pasteable command line for `shell`:
 * - `posix`: sh/bash/zsh. Arguments with anything but `[A-Za-z0-9_@%+=:,./-]` are single-quoted.
 * - `powershell`: PowerShell 7.3+ (standard native argument passing): `& 'binary' 'arg' …`, single
 *   quotes doubled (including the typographic ones PowerShell also treats as quotes).
 * - `cmd`: the interactive cmd.exe prompt: each argument is quoted for the C runtime's parser
 *   (`CommandLineToArgvW` rules) and every cmd metacharacter is escaped with `^`.
 * @throws UnformattableArgumentError for a NUL anywhere, or a line break with `cmd`.
 */
export function formatCommand(argv: readonly string[], shell: CommandShell): string {
  argv.forEach((arg, index) => {
    if (arg.includes('\0')) throw new UnformattableArgumentError(index, shell, 'it contains a NUL character');
    if (shell === 'cmd' && /[\r\n]/.test(arg)) {
      throw new UnformattableArgumentError(index, shell, 'cmd.exe cannot carry a line break in an argument');
    }
  });
  switch (shell) {
    case 'posix':
      return argv.map((arg) => quotePosix(arg)).join(' ');
    case 'powershell':
      return ['&', ...argv.map((arg) => quotePowerShell(arg, { bare: true }))].join(' ');
    case 'cmd':
      return argv.map(quoteCmd).join(' ');
  }
}

function quoteCmd(arg: string): string {
  const quoted = cmdSafe.test(arg) ? arg : quoteForCrt(arg);
  return quoted.replace(cmdMeta, '^$&');
}

/** Quotes one argument so the Microsoft C runtime's command-line parser returns it unchanged. */
function quoteForCrt(arg: string): string {
  let out = '"';
  let backslashes = 0;
  for (const char of arg) {
    if (char === '\\') {
      backslashes++;
      continue;
    }
    // Backslashes are literal unless they precede a quote: then each must be doubled.
    out += char === '"' ? `${'\\'.repeat(backslashes * 2 + 1)}"` : `${'\\'.repeat(backslashes)}${char}`;
    backslashes = 0;
  }
  return `${out}${'\\'.repeat(backslashes * 2)}"`;
}
