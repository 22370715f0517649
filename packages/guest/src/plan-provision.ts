import type { ProvisionSpecInput } from '@winguest/provision-scripts';
import { deepMerge } from './_deep-merge';
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
  /**
   * How the host shares folders (`chooseShareMode`). With `smb` the first share is mapped at its
   * letter with `net use`; virtio-fs provisioning (WinFsp, virtiofs.exe on the media) is not planned yet.
   */
  shareMode?: 'virtio-fs' | 'smb' | 'none';
}

/**
 * The provisioning spec: power settings, the guest agent (from the driver media, when staged), sshd (from the MSI on the media when given), the keys,
 * the default shell and the clean-up of cached answer files, then the description's `provision`
 * overrides. Pure; render it with `renderProvisionScript`.
 */
export function planProvision(guest: Guest, facts: ProvisionFacts): ProvisionSpecInput {
  const msi = facts.opensshMsiSha256
    ? { msi: { path: mediaFileNames.opensshMsi, sha256: facts.opensshMsiSha256 } }
    : {};
  const smb = facts.shareMode === 'smb' ? resolveShares(guest.shares)[0] : undefined;
  return deepMerge(
    {
      ...(smb ? { sharedFolders: { mode: 'smb', driveLetter: smb.driveLetter } } : {}),
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
