import type { IsoSource } from '@winguest/cidata-iso';
import {
  InstallMediaError,
  openDriverMedia,
  requiredDrivers,
  type StagedDriverFile,
  selectDrivers,
} from '@winguest/install-media';
import { guestDevices, isWindowsGuest } from './devices';
import { InvalidGuestError } from './errors';
import type { Guest } from './guest-schema';
import { mediaFileNames } from './media-names';
import type { MediaFacts } from './plan-media';

/** What the driver media add to the cidata media; `close()` the media once the ISO is written. */
export interface DriverMediaFacts {
  facts: Pick<MediaFacts, 'driverFiles' | 'guestAgentMsi' | 'guestAgentMsiSha256' | 'virtioFsFiles'>;
  /** Driver folders staged under `$WinPEDriver$/`, e.g. `viostor/2k25/amd64` (or the user's own folder). */
  staged: string[];
  close(): Promise<void>;
}

/**
 * Reads `media.drivers` (`path`, absolute: a virtio-win ISO, its extracted folder or a user's own
 * driver folder) for `guest` on `arch`: the driver folders its devices need plus virtio-win's
 * post-install ones, and the guest agent MSI with its SHA-256 when the agent is on. The I/O module
 * the edge calls before planning; pass `facts` to `planMedia`. A Linux test guest reads nothing.
 * With `virtioFs` (shares mounted over virtio-fs, see `needsVirtioFsMedia`) the `viofs` folder is
 * required and must hold virtiofs.exe and viofs.inf: its files also go to the provisioning folder.
 * @throws InvalidGuestError at `media.drivers` naming every missing folder or MSI and the fix.
 */
export async function readDriverMedia(
  guest: Guest,
  arch: 'amd64' | 'arm64',
  path: string,
  options: { virtioFs?: boolean } = {},
): Promise<DriverMediaFacts> {
  if (!isWindowsGuest(guest)) return { facts: {}, staged: [], close: async () => {} };
  const devices = guestDevices(guest, arch);
  const media = await openDriverMedia(path).catch((cause: unknown) => {
    throw invalid(
      path,
      `cannot be read (${(cause as Error).message}): point it at a virtio-win ISO or a driver folder`,
    );
  });
  try {
    const selection = await selectDrivers(media.fileSystem, {
      family: guest.family,
      arch,
      required: [...requiredDrivers(devices), ...(options.virtioFs ? [mediaFileNames.viofsFolder] : [])],
      guestAgent: devices.guestAgent,
    });
    const agent = selection.guestAgent;
    const viofs = options.virtioFs ? virtioFsFiles(selection.files) : undefined;
    if (typeof viofs === 'string') throw invalid(path, viofs);
    return {
      facts: {
        driverFiles: Object.fromEntries(
          selection.files.map((f) => [f.target, { size: f.size, open: f.open }]),
        ),
        ...(agent
          ? { guestAgentMsi: { size: agent.size, open: agent.open }, guestAgentMsiSha256: agent.sha256 }
          : {}),
        ...(viofs ? { virtioFsFiles: viofs } : {}),
      },
      staged: selection.drivers.map((d) => d.from),
      close: () => media.close(),
    };
  } catch (error) {
    await media.close();
    if (InstallMediaError.isInstance(error)) throw invalid(path, error.message);
    throw error;
  }
}

const virtioFsNeeds = ['virtiofs.exe', 'viofs.inf'];

/** The staged `viofs/…` files by name, or what is missing among virtiofs.exe and viofs.inf. */
function virtioFsFiles(files: readonly StagedDriverFile[]): Record<string, IsoSource> | string {
  const prefix = `${mediaFileNames.viofsFolder}/`;
  const found = Object.fromEntries(
    files
      .filter((f) => f.target.startsWith(prefix) && !f.target.slice(prefix.length).includes('/'))
      .map((f) => [f.target.slice(prefix.length).toLowerCase(), { size: f.size, open: f.open }]),
  );
  const missing = virtioFsNeeds.filter((name) => !(name in found));
  if (missing.length === 0) return found;
  return `has no ${missing.join(' and ')} in its viofs folder, which virtio-fs shares on Windows need: use a virtio-win ISO (or its extracted folder) that ships virtio-fs, or remove shares`;
}

function invalid(path: string, message: string): InvalidGuestError {
  return new InvalidGuestError([{ path: 'media.drivers', value: path, message }]);
}
