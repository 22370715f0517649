import { type FindExecutableOptions, findExecutable } from '@winguest/shell';
import { withBinDirs } from './_bin-dirs';
import { describeFailure, type GuestArch, type ProbeResult, qemuBinaryNames } from './probe-result';
import { type CommandRunner, runCommand } from './run-command';

/** QEMU's version triple. */
export interface QemuVersion {
  major: number;
  minor: number;
  micro: number;
}

/** A usable QEMU system emulator. */
export interface QemuBinary {
  /** Absolute path of the binary. */
  path: string;
  version: QemuVersion;
  /** The first line of `--version`, e.g. `QEMU emulator version 7.2.22 (Debian 1:7.2+dfsg-7)`. */
  versionText: string;
}

/** Parses the output of `qemu-system-* --version`; undefined when it is not QEMU's. */
export function parseQemuVersion(text: string): QemuVersion | undefined {
  const match = /QEMU emulator version (\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]), micro: Number(match[3] ?? 0) };
}

/**
 * Finds the QEMU system emulator for `arch` (on `PATH`, then Homebrew, MacPorts, Program Files) and
 * reads its version.
 */
export async function probeQemu(
  arch: GuestArch,
  options: FindExecutableOptions & { runner?: CommandRunner; timeoutMs?: number } = {},
): Promise<ProbeResult<QemuBinary>> {
  const name = qemuBinaryNames[arch];
  const path = findExecutable(name, withBinDirs(options));
  if (!path)
    return { available: false, reason: `${name} not found on PATH or in the usual install directories` };
  const timeoutMs = options.timeoutMs ?? 10_000;
  const result = await (options.runner ?? runCommand)(path, ['--version'], { timeoutMs });
  const version = parseQemuVersion(result.stdout);
  if (result.exitCode !== 0)
    return { available: false, reason: describeFailure(`${path} --version`, result, timeoutMs) };
  if (!version) {
    return {
      available: false,
      reason: `${path} --version did not print a QEMU version: ${result.stdout.trim().slice(0, 200)}`,
    };
  }
  return { available: true, path, version, versionText: result.stdout.trim().split('\n')[0] ?? '' };
}
