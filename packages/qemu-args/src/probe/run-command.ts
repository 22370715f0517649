import { childEnvironment } from '@winguest/shell';

/** How a probe command ended. Never throws: failing to start is data too. */
export interface CommandResult {
  /** Exit code, or null when killed by a signal or never started. */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** True when the command was killed because it outlived its timeout. */
  timedOut: boolean;
  /** True when the command was killed because its stderr matched `failOn`. */
  failedFast?: boolean;
  /** Why the command could not be started (e.g. `spawn qemu ENOENT`). */
  spawnError?: string;
}

/**
 * Runs a command and collects its output. Probes take one as an option so tests (and hosts
 * without the real tool) can inject their own.
 */
export type CommandRunner = (
  file: string,
  args: readonly string[],
  options: {
    timeoutMs: number;
    /** Kill the command as soon as its stderr matches: it has failed and would only wait out the timeout. */
    failOn?: RegExp;
    /** Environment of the command. Default: the parent's allow-listed variables (`childEnvironment`). */
    env?: NodeJS.ProcessEnv;
  },
) => Promise<CommandResult>;

/** The real runner: spawns without a shell, kills the process (SIGKILL) when it times out. */
export const runCommand: CommandRunner = (file, args, { timeoutMs, failOn, env }) =>
  new Promise((resolve) => {
    // Loaded on use: a command whose verdicts are cached starts no process and skips the module.
    const child = process.getBuiltinModule('node:child_process').spawn(file, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
      env: env ?? childEnvironment(),
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let failedFast = false;
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (failOn && !failedFast && failOn.test(stderr)) {
        failedFast = true;
        // Let the rest of the message arrive, then stop the process.
        setTimeout(() => child.kill('SIGKILL'), 50);
      }
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ exitCode: null, stdout, stderr, timedOut, spawnError: error.message });
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, stdout, stderr, timedOut, ...(failedFast ? { failedFast } : {}) });
    });
  });
