import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

export const cliPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');

/**
 * The code caches of the CLI processes tests start: one folder for the whole run, outside the HOME
 * a test may set (tests check that a refused command leaves nothing behind there), shared so the
 * runs after the first of each command start as fast as a user's.
 */
const testCompileCache = join(
  tmpdir(),
  `winguest-cli-tests-${process.getuid?.() ?? 'user'}`,
  'compile-cache',
);

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `winguest` as a user would: a separate process, no TTY, NO_COLOR unset. */
export async function runCli(
  args: string[],
  options: { input?: string; env?: Record<string, string>; cwd?: string } = {},
): Promise<CliResult> {
  const result = await execa(process.execPath, [cliPath, ...args], {
    reject: false,
    input: options.input ?? '',
    env: { NO_COLOR: '', NODE_COMPILE_CACHE: testCompileCache, ...options.env },
    extendEnv: true,
    cwd: options.cwd,
    stripFinalNewline: false,
  });
  return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}
