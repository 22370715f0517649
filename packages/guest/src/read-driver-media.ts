import { InstallMediaError, openDriverMedia, requiredDrivers, selectDrivers } from '@winguest/install-media';
import { guestDevices, isWindowsGuest } from './devices';
import { InvalidGuestError } from './errors';
import type { Guest } from './guest-schema';
import type { MediaFacts } from './plan-media';

/** What the driver media add to the cidata media; `close()` the media once the ISO is written. */
export interface DriverMediaFacts {
  facts: Pick<MediaFacts, 'driverFiles' | 'guestAgentMsi' | 'guestAgentMsiSha256'>;
  /** Driver folders staged under `$WinPEDriver$/`, e.g. `viostor/2k25/amd64` (or the user's own folder). */
  staged: string[];
  close(): Promise<void>;
}

/**
 * Reads `media.drivers` (`path`, absolute: a virtio-win ISO, its extracted folder or a user's own
 * driver folder) for `guest` on `arch`: the driver folders its devices need plus virtio-win's
 * post-install ones, and the guest agent MSI with its SHA-256 when the agent is on. The I/O module
 * the edge calls before planning; pass `facts` to `planMedia`. A Linux test guest reads nothing.
 * @throws InvalidGuestError at `media.drivers` naming every missing folder or MSI and the fix.
 */
export async function readDriverMedia(
  guest: Guest,
  arch: 'amd64' | 'arm64',
  path: string,
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
      required: requiredDrivers(devices),
      guestAgent: devices.guestAgent,
    });
    const agent = selection.guestAgent;
    return {
      facts: {
        driverFiles: Object.fromEntries(
          selection.files.map((f) => [f.target, { size: f.size, open: f.open }]),
        ),
        ...(agent
          ? { guestAgentMsi: { size: agent.size, open: agent.open }, guestAgentMsiSha256: agent.sha256 }
          : {}),
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

function invalid(path: string, message: string): InvalidGuestError {
  return new InvalidGuestError([{ path: 'media.drivers', value: path, message }]);
}
