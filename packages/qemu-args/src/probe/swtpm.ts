import { type FindExecutableOptions, findExecutable } from '@winguest/shell';
import { withBinDirs } from './_bin-dirs';
import { describeFailure, type ProbeResult } from './probe-result';
import { type CommandRunner, runCommand } from './run-command';

/** A usable swtpm with TPM 2.0 support. */
export interface SwtpmBinary {
  /** Absolute path of `swtpm`. */
  path: string;
  /** e.g. `0.7.1`. */
  version: string;
}

/** Finds swtpm, reads its version, and checks that its socket interface offers TPM 2.0. */
export async function probeSwtpm(
  options: FindExecutableOptions & { runner?: CommandRunner; timeoutMs?: number } = {},
): Promise<ProbeResult<SwtpmBinary>> {
  const path = findExecutable('swtpm', withBinDirs(options));
  if (!path) return { available: false, reason: 'swtpm not found on PATH (Debian: swtpm, Homebrew: swtpm)' };
  const run = options.runner ?? runCommand;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const versionRun = await run(path, ['--version'], { timeoutMs });
  const version = /version (\d+\.\d+(?:\.\d+)?)/.exec(versionRun.stdout)?.[1];
  if (versionRun.exitCode !== 0 || !version) {
    return { available: false, reason: describeFailure(`${path} --version`, versionRun, timeoutMs) };
  }
  const caps = await run(path, ['socket', '--print-capabilities'], { timeoutMs });
  if (caps.exitCode !== 0)
    return {
      available: false,
      reason: describeFailure(`${path} socket --print-capabilities`, caps, timeoutMs),
    };
  if (!caps.stdout.includes('"tpm-2.0"')) {
    return {
      available: false,
      reason: `${path} ${version} does not offer TPM 2.0 (its capabilities: ${caps.stdout.trim()})`,
    };
  }
  return { available: true, path, version };
}
