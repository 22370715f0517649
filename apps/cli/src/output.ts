import type { Writable } from 'node:stream';
import { createRedactor, type Redactor } from '@winguest/shell';
import { rememberPassword } from './known-secrets';

/**
 * Where a command writes, and how: colour only on a TTY and never with NO_COLOR. Every line,
 * JSON document and status line goes through `redactor` (known passwords and values under secret
 * keys are replaced); only `secretLine` prints a secret, for commands whose output is one.
 */
export interface Output {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  color: boolean;
  /** Knows the secrets of this run (WINGUEST_PASSWORD from the start; files and generated later). */
  redactor: Redactor;
  /** Prints a line to stdout. */
  line(text?: string): void;
  /** Prints a line that is a secret the user asked for (`password decode`), unredacted. */
  secretLine(text: string): void;
  /** Prints data as pretty JSON to stdout (known secrets replaced in its strings). */
  json(data: unknown): void;
  /** Prints a status or progress line to stderr (keeps stdout clean for data). */
  info(text: string): void;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
}

export function createOutput(
  stdout: Output['stdout'],
  stderr: Output['stderr'],
  env: NodeJS.ProcessEnv,
  forceColor?: boolean,
): Output {
  const color =
    forceColor ??
    (env.NO_COLOR === undefined || env.NO_COLOR === ''
      ? Boolean(stderr.isTTY) && env.TERM !== 'dumb'
      : false);
  const redactor = createRedactor();
  if (env.WINGUEST_PASSWORD) rememberPassword(redactor, env.WINGUEST_PASSWORD);
  const paint = (open: number, close: number) => (text: string) =>
    color ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    stdout,
    stderr,
    color,
    redactor,
    line: (text = '') => stdout.write(`${redactor.text(text)}\n`),
    secretLine: (text) => stdout.write(`${text}\n`),
    // Our own summaries: known secrets replaced in every string; keys are the command's contract.
    json: (data) =>
      stdout.write(
        `${JSON.stringify(data, (_key, value) => (typeof value === 'string' ? redactor.text(value) : value), 2)}\n`,
      ),
    info: (text) => stderr.write(`${redactor.text(text)}\n`),
    bold: paint(1, 22),
    dim: paint(2, 22),
    red: paint(31, 39),
    green: paint(32, 39),
    yellow: paint(33, 39),
  };
}
