import type { IsoEntry } from '@winguest/cidata-iso';
import { CliError } from '../errors';

/** Where virtio-win keeps NetKVM for Windows 11 on ARM64. */
export const netkvmArm64Folder = 'NetKVM/w11/ARM64';

/**
 * NetKVM for Windows 11 ARM64 from the virtio-win ISO, as cidata entries under
 * `$WinPEDriver$/NetKVM/`. Windows on arm64 has no in-box driver for any NIC QEMU emulates, and
 * Setup loads `$WinPEDriver$` from every medium in windowsPE and stages it into the installed
 * image, so the guest's virtio-net works without a drive letter or a user action (docs/arm64.md).
 * @throws CliError `drivers-netkvm` when the ISO cannot be read or has no such folder.
 */
export async function netkvmArm64Entries(driverIso: string): Promise<IsoEntry[]> {
  const { openFileSource, openMediaFileSystem } = await import('@winguest/install-media');
  const image = await openFileSource(driverIso).catch((cause: unknown) => {
    throw netkvmError(driverIso, `cannot be read (${(cause as Error).message})`, cause);
  });
  try {
    const fs = await openMediaFileSystem(image);
    const files = await fs.readDirectory(netkvmArm64Folder).catch((cause: unknown) => {
      throw netkvmError(driverIso, `has no ${netkvmArm64Folder} folder`, cause);
    });
    const entries: IsoEntry[] = [];
    for (const file of files.filter((f) => !f.isDirectory)) {
      const source = await fs.openFile(`${netkvmArm64Folder}/${file.name}`);
      if (!source) continue;
      const bytes = await source.read(0, source.size);
      entries.push({ type: 'file', path: `$WinPEDriver$/NetKVM/${file.name}`, source: bytes });
    }
    if (!entries.some((e) => e.path.toLowerCase().endsWith('.inf'))) {
      throw netkvmError(driverIso, `has no .inf in ${netkvmArm64Folder}`);
    }
    return entries;
  } finally {
    await image.close();
  }
}

function netkvmError(iso: string, what: string, cause?: unknown): CliError {
  return new CliError('drivers-netkvm', `media.drivers ${JSON.stringify(iso)} ${what}`, {
    hint: 'point media.drivers at virtio-win.iso (0.1.2xx or newer carries NetKVM for ARM64): an arm64 Windows guest has no other network driver',
    cause,
  });
}
