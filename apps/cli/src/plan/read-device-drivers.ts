import { resolve } from 'node:path';
import type { DriverMediaFacts, Guest, GuestIssue } from '@winguest/guest';
import { CliError } from '../errors';

/**
 * Checks that the guest's devices have drivers and reads `media.drivers` (the I/O step of
 * @winguest/guest): the open driver media, and every problem found. `up` calls it before it
 * creates anything (then closes the media), with `defaults` so that the arm64 default NIC
 * (virtio-net) needs NetKVM too; `prepareBuild` to stage the drivers (a `build` for arm64 without
 * drivers stays possible: the user may add them by hand).
 */
export async function readDeviceDrivers(
  config: Guest,
  arch: 'amd64' | 'arm64',
  cwd: string,
  defaults: boolean,
): Promise<{ drivers: DriverMediaFacts | undefined; issues: GuestIssue[] }> {
  const { checkDevices, InvalidGuestError, readDriverMedia } = await import('@winguest/guest');
  const issues = checkDevices(config, defaults ? arch : undefined);
  if (!config.media.drivers) return { drivers: undefined, issues };
  try {
    return { drivers: await readDriverMedia(config, arch, resolve(cwd, config.media.drivers)), issues };
  } catch (error) {
    if (!InvalidGuestError.isInstance(error)) throw error;
    return { drivers: undefined, issues: [...issues, ...error.issues] };
  }
}

/** The CLI error for problems of the description found while planning. */
export function invalidGuest(issues: readonly GuestIssue[]): CliError {
  return new CliError('invalid-spec', 'The guest cannot be built as described', {
    details: issues.map((issue) => `${issue.path}: ${issue.message}`),
    hint: 'fix the values named above in the config (drivers: see docs/devices-and-drivers.md)',
  });
}
