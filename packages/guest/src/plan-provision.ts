import type { ProvisionSpecInput } from '@winguest/provision-scripts';
import { deepMerge } from './_deep-merge';
import { needsVirtioFsMedia, type ShareMode } from './check-shares';
import type { Guest } from './guest-schema';
import { mediaFileNames } from './media-names';
import { resolveShares } from './shares-schema';

/** What provisioning needs besides the description. */
export interface ProvisionFacts {
  /** Public keys to authorise (may be empty). */
  sshKeys: readonly string[];
  /** SHA-256 of the OpenSSH MSI, when `media.opensshMsi` is set (the host file is read by the caller). */
  opensshMsiSha256?: string;
  /** SHA-256 of the guest agent MSI staged from the driver media (`readDriverMedia`); adds the guest-agent step. */
  guestAgentMsiSha256?: string;
  /** SHA-256 of the WinFsp MSI (`media.winfspMsi`), read by the caller; needed for virtio-fs shares. */
  winfspMsiSha256?: string;
  /**
   * How the host shares folders (`chooseShareMode`). `virtio-fs`: WinFsp, the viofs driver and one
   * virtiofs.exe instance per share (the files are on the media, see `planMedia`); `smb`: the first
   * share is mapped at its letter with `net use`.
   */
  shareMode?: ShareMode;
}

/**
 * The provisioning spec: shared folders, power settings, the guest agent (from the driver media, when staged), sshd (from the MSI on the media when given), the keys,
 * the default shell and the clean-up of cached answer files, then the description's `provision`
 * overrides. Pure; render it with `renderProvisionScript`.
 */
export function planProvision(guest: Guest, facts: ProvisionFacts): ProvisionSpecInput {
  const msi = facts.opensshMsiSha256
    ? { msi: { path: mediaFileNames.opensshMsi, sha256: facts.opensshMsiSha256 } }
    : {};
  return deepMerge(
    {
      ...sharedFolders(guest, facts),
      power: {},
      ...(facts.guestAgentMsiSha256
        ? { guestAgent: { msi: { path: mediaFileNames.guestAgentMsi, sha256: facts.guestAgentMsiSha256 } } }
        : {}),
      openssh: { strategy: guest.ssh.strategy, port: guest.ssh.port, ...msi },
      ...(facts.sshKeys.length > 0 ? { authorizedKeys: { keys: [...facts.sshKeys] } } : {}),
      defaultShell: { shell: guest.ssh.shell },
      secretsCleanup: {},
    },
    guest.provision,
  );
}

/** The shared-folders step: every share over virtio-fs (once WinFsp's hash is known), or the first over SMB. */
function sharedFolders(guest: Guest, facts: ProvisionFacts): Pick<ProvisionSpecInput, 'sharedFolders'> {
  const shares = resolveShares(guest.shares);
  const viofs = mediaFileNames.viofsFolder;
  if (needsVirtioFsMedia(guest, facts.shareMode) && facts.winfspMsiSha256)
    return {
      sharedFolders: {
        mode: 'virtio-fs',
        winfspMsi: { path: mediaFileNames.winfspMsi, sha256: facts.winfspMsiSha256 },
        virtiofsExe: `${viofs}/virtiofs.exe`,
        driverInf: `${viofs}/viofs.inf`,
        shares: shares.map(({ tag, driveLetter, readOnly }) => ({ tag, driveLetter, readOnly })),
      },
    };
  const smb = facts.shareMode === 'smb' ? shares[0] : undefined;
  return smb ? { sharedFolders: { mode: 'smb', driveLetter: smb.driveLetter } } : {};
}
