import type { Writable } from 'node:stream';

/** Where a command writes, and how: colour only on a TTY and never with NO_COLOR. */
export interface Output {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  color: boolean;
  /** Prints a line to stdout. */
  line(text?: string): void;
  /** Prints data as pretty JSON to stdout. */
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
  const paint = (open: number, close: number) => (text: string) =>
    color ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    stdout,
    stderr,
    color,
    line: (text = '') => stdout.write(`${text}\n`),
    json: (data) => stdout.write(`${JSON.stringify(data, null, 2)}\n`),
    info: (text) => stderr.write(`${text}\n`),
    bold: paint(1, 22),
    dim: paint(2, 22),
    red: paint(31, 39),
    green: paint(32, 39),
    yellow: paint(33, 39),
  };
}
