import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { execa } from 'execa';

/** What one `winguest …` invocation gave back. */
export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  durationMs: number;
}

/** Runs the built `winguest` CLI as a subprocess, the way a user does. */
export interface WinguestCli {
  run(args: string[], options?: { timeoutMs?: number; onLine?: (line: string) => void }): Promise<CliRun>;
}

/** The built CLI's entry (`apps/cli/dist/cli.js`), found through the workspace dependency. */
export function defaultCliPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@winguest/cli/package.json')), 'dist', 'cli.js');
}

/**
 * A `WinguestCli` for one scenario: every call gets `env` (WINGUEST_HOME, WINGUEST_PASSWORD) on top
 * of the harness's environment. A call that outlives `timeoutMs` gets SIGTERM, which the CLI
 * handles like Ctrl-C (QEMU stopped, nothing left behind).
 */
export function winguestCli(cliPath: string, env: Record<string, string>): WinguestCli {
  return {
    async run(args, options = {}) {
      const started = performance.now();
      const subprocess = execa(process.execPath, [cliPath, ...args], {
        reject: false,
        env: { NO_COLOR: '1', ...env },
        extendEnv: true,
        stdin: 'ignore',
        stripFinalNewline: false,
        // SIGTERM, and time to act on it (stop QEMU, report the error) before execa's SIGKILL.
        ...(options.timeoutMs
          ? { timeout: options.timeoutMs, killSignal: 'SIGTERM' as const, forceKillAfterDelay: 60_000 }
          : {}),
      });
      if (options.onLine && subprocess.stdout) {
        const onLine = options.onLine;
        createInterface({ input: subprocess.stdout }).on('line', (line) => onLine(line));
      }
      const result = await subprocess;
      return {
        exitCode: result.exitCode ?? -1,
        stdout: String(result.stdout ?? ''),
        stderr: String(result.stderr ?? ''),
        durationMs: Math.round(performance.now() - started),
      };
    },
  };
}
