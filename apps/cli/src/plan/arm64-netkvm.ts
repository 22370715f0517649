import type { IsoSource } from '@winguest/cidata-iso';
import type { Guest } from '@winguest/guest';
import { CliError } from '../errors';

/** NetKVM's files for `$WinPEDriver$/`, streamed from the open driver media; `close()` after writing. */
export interface NetkvmStaging {
  driverFiles: Record<string, IsoSource>;
  close(): Promise<void>;
}

/**
 * NetKVM for an arm64 Windows guest, picked from the virtio-win media in `media.drivers` by
 * `@winguest/install-media` (`NetKVM/w11/ARM64` for Windows 11). Windows on arm64 has no in-box
 * driver for any NIC QEMU emulates, and Setup loads `$WinPEDriver$` from every medium in windowsPE
 * and stages it into the installed image, so virtio-net works with no drive letter and no user
 * action (docs/arm64.md).
 * @throws CliError `drivers-netkvm` when the media cannot be read or has no NetKVM for this release.
 */
export async function stageNetkvmArm64(driverMedia: string, family: Guest['family']): Promise<NetkvmStaging> {
  const { openDriverMedia, requiredDrivers, selectDrivers } = await import('@winguest/install-media');
  const media = await openDriverMedia(driverMedia).catch((cause: unknown) => {
    throw netkvmError(driverMedia, `cannot be read: ${(cause as Error).message}`, cause);
  });
  try {
    const selection = await selectDrivers(media.fileSystem, {
      family,
      arch: 'arm64',
      required: requiredDrivers({ networkModel: 'virtio-net' }),
      postInstall: false,
    });
    const driverFiles = Object.fromEntries(
      selection.files.map((f) => [f.target, { size: f.size, open: f.open }] as const),
    );
    return { driverFiles, close: () => media.close() };
  } catch (cause) {
    await media.close();
    throw netkvmError(driverMedia, (cause as Error).message, cause);
  }
}

function netkvmError(media: string, what: string, cause: unknown): CliError {
  return new CliError('drivers-netkvm', `media.drivers ${JSON.stringify(media)}: ${what}`, {
    hint: 'point media.drivers at a virtio-win ISO with NetKVM for ARM64: an arm64 Windows guest has no other network driver',
    cause,
  });
}
