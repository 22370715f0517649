import { resolve } from 'node:path';
import {
  checkDevices,
  checkShares,
  type DriverMediaFacts,
  type Guest,
  type GuestIssue,
  InvalidGuestError,
  needsVirtioFsMedia,
  readDriverMedia,
  type ShareMode,
} from '@winguest/guest';
import { CliError } from '../errors';

/**
 * Checks that the guest's devices have drivers and reads `media.drivers` (the I/O step of
 * @winguest/guest): the open driver media, and every problem found. `up` calls it before it
 * creates anything (then closes the media), with `defaults` so that the arm64 default NIC
 * (virtio-net) needs NetKVM too; `prepareBuild` to stage the drivers (a `build` for arm64 without
 * drivers stays possible: the user may add them by hand). With `shareMode` virtio-fs, a Windows
 * guest's shares need WinFsp and virtio-win's viofs too (`checkShares`).
 */
export async function readDeviceDrivers(
  config: Guest,
  arch: 'amd64' | 'arm64',
  cwd: string,
  defaults: boolean,
  shareMode?: ShareMode,
): Promise<{ drivers: DriverMediaFacts | undefined; issues: GuestIssue[] }> {
  const issues = [
    ...checkDevices(config, defaults ? arch : undefined),
    ...checkShares(config, shareMode, arch),
  ];
  if (!config.media.drivers) return { drivers: undefined, issues };
  const virtioFs = needsVirtioFsMedia(config, shareMode);
  try {
    const path = resolve(cwd, config.media.drivers);
    return { drivers: await readDriverMedia(config, arch, path, { virtioFs }), issues };
  } catch (error) {
    if (!InvalidGuestError.isInstance(error)) throw error;
    return { drivers: undefined, issues: [...issues, ...error.issues] };
  }
}

/** The CLI error for problems of the description found while planning. */
export function invalidGuest(issues: readonly GuestIssue[]): CliError {
  // The same gap can be found twice (before reading the media and again when planning them).
  const details = [...new Set(issues.map((issue) => `${issue.path}: ${issue.message}`))];
  return new CliError('invalid-spec', 'The guest cannot be built as described', {
    details,
    hint: 'fix the values named above in the config (drivers: docs/devices-and-drivers.md; shares: docs/shared-folders.md)',
  });
}
