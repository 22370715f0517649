import { CliError, exitCodes } from './errors';
import type { Output } from './output';
import { printable } from './terminal-text';

/**
 * Prints an error as one line saying what is wrong (with the value), any detail lines (every
 * validation issue), and a hint; the stack only with --debug. Every line goes through the output's
 * redactor, so no known secret is printed, and through `printable`, so text that came from media or
 * config (edition names, file names) cannot drive the terminal. Returns the exit code.
 */
export function reportError(error: unknown, out: Output, debug: boolean): number {
  const { message, details, hint, exitCode } = describe(error);
  out.info(`${out.red('error:')} ${safe(message)}`);
  for (const detail of details) out.info(`  ${safe(detail)}`);
  if (hint) out.info(`${out.dim('hint:')} ${safe(hint)}`);
  if (debug && error instanceof Error && error.stack) out.info(`\n${error.stack}`);
  return exitCode;
}

/** `printable` per line: a message's own line breaks stay, every other control character is escaped. */
const safe = (text: string) => text.split('\n').map(printable).join('\n');

interface Described {
  message: string;
  details: readonly string[];
  hint: string | undefined;
  exitCode: number;
}

function describe(error: unknown): Described {
  if (CliError.isInstance(error)) {
    return { message: error.message, details: error.details, hint: error.hint, exitCode: error.exitCode };
  }
  if (isZodError(error)) {
    return {
      message: `${error.issues.length} invalid value${error.issues.length === 1 ? '' : 's'}:`,
      details: error.issues.map(
        (i) => `${i.path.length ? i.path.map(String).join('.') : '(root)'}: ${i.message}`,
      ),
      hint: 'fix the values above and run again',
      exitCode: exitCodes.failure,
    };
  }
  if (isWinguestError(error)) {
    const details = issueLines(error);
    // Package messages list their issues on further lines; show them once, as detail lines.
    const message = details.length > 0 ? (error.message.split('\n')[0] as string) : error.message;
    return { message, details, hint: undefined, exitCode: exitCodes.failure };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    message: `unexpected: ${message}`,
    details: [],
    hint: 'run again with --debug for the stack trace, and report it if it looks like a bug',
    exitCode: exitCodes.failure,
  };
}

function isZodError(error: unknown): error is { issues: Array<{ path: PropertyKey[]; message: string }> } {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'ZodError' &&
    Array.isArray((error as { issues?: unknown }).issues)
  );
}

/** Errors of winguest packages carry a `Symbol.for('winguest.<package>.error')` marker. */
function isWinguestError(error: unknown): error is Error {
  return (
    error instanceof Error &&
    Object.getOwnPropertySymbols(error).some((s) => s.description?.startsWith('winguest.') ?? false)
  );
}

/** `path: message` lines of a package validation error's `issues`, when it has them. */
function issueLines(error: Error): string[] {
  const issues = (error as { issues?: unknown }).issues;
  if (!Array.isArray(issues)) return [];
  return issues.map((issue: { path?: unknown; message?: unknown }) => {
    const path = Array.isArray(issue.path) ? issue.path.join('.') : String(issue.path ?? '');
    return `${path ? `${path}: ` : ''}${String(issue.message)}`;
  });
}
