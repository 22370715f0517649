import type { ProbeResult } from './probe-result';
import type { Smbd } from './smbd';
import type { Virtiofsd } from './virtiofsd';

/** How this host can share folders with a guest, and why. */
export type ShareMode =
  | { mode: 'virtio-fs'; virtiofsd: Virtiofsd; reason: string }
  | { mode: 'smb'; smbd: Smbd; reason: string }
  | { mode: 'none'; reason: string };

/**
 * Picks the share mode from the probes: virtio-fs where virtiofsd runs (Linux), else QEMU's SMB
 * share where smbd is installed, else none (files still move with `winguest cp`). Pure.
 */
export function chooseShareMode(virtiofsd: ProbeResult<Virtiofsd>, smbd: ProbeResult<Smbd>): ShareMode {
  if (virtiofsd.available)
    return {
      mode: 'virtio-fs',
      virtiofsd,
      reason: `virtiofsd ${virtiofsd.path} (${virtiofsd.flavour}) is usable`,
    };
  if (smbd.available)
    return {
      mode: 'smb',
      smbd,
      reason: `no virtio-fs (${virtiofsd.reason}); QEMU's SMB share uses ${smbd.path}`,
    };
  return {
    mode: 'none',
    reason: `no virtio-fs (${virtiofsd.reason}) and no SMB (${smbd.reason}); copy files with winguest cp`,
  };
}
