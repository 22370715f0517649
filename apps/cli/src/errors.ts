const marker = Symbol.for('winguest.cli.error');

/** Exit codes, documented in the README: 0 success, 1 failure, 2 usage error. */
export const exitCodes = { ok: 0, failure: 1, usage: 2 } as const;

/** A failure the CLI reports as one line plus a hint; `exitCode` 1 unless it is a usage error. */
export class CliError extends Error {
  protected readonly [marker] = true;
  readonly code: string;
  readonly hint: string | undefined;
  readonly exitCode: number;
  /** Extra lines printed under the message (e.g. every validation issue). */
  readonly details: readonly string[];

  constructor(
    code: string,
    message: string,
    options: { hint?: string; exitCode?: number; details?: readonly string[]; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'CliError';
    this.code = code;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? exitCodes.failure;
    this.details = options.details ?? [];
  }

  static isInstance(error: unknown): error is CliError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}

/** Bad flags or arguments: exit code 2, and the hint points at `--help`. */
export class UsageError extends CliError {
  constructor(message: string, command: string, details?: readonly string[]) {
    super('usage', message, {
      hint: `run \`winguest ${command ? `${command} ` : ''}--help\` for usage and examples`,
      exitCode: exitCodes.usage,
      ...(details ? { details } : {}),
    });
    this.name = 'UsageError';
  }
}
