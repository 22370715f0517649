import { virtioWinFolder } from '@winguest/install-media';
import { isWindowsGuest } from './devices';
import type { GuestIssue } from './errors';
import type { Guest } from './guest-schema';

/** How the host shares folders (`chooseShareMode` of @winguest/qemu-args/probe). */
export type ShareMode = 'virtio-fs' | 'smb' | 'none';

/** True when a Windows guest mounts its shares over virtio-fs: WinFsp and viofs must be on the media. */
export function needsVirtioFsMedia(guest: Guest, shareMode: ShareMode | undefined): boolean {
  return shareMode === 'virtio-fs' && guest.shares.length > 0 && isWindowsGuest(guest);
}

/**
 * What a Windows guest with shares lacks on a host that gives it virtio-fs: `media.winfspMsi` (the
 * WinFsp MSI virtiofs.exe runs on) and `media.drivers` (virtio-win's `viofs/<os>/<arch>` folder with
 * the driver and virtiofs.exe). One issue each, naming the fix; whether the driver media hold viofs
 * is checked when they are read (`readDriverMedia` with `virtioFs`). Pure.
 */
export function checkShares(
  guest: Guest,
  shareMode: ShareMode | undefined,
  arch: 'amd64' | 'arm64' = guest.arch ?? 'amd64',
): GuestIssue[] {
  if (!needsVirtioFsMedia(guest, shareMode)) return [];
  const count = `${guest.shares.length} share${guest.shares.length === 1 ? '' : 's'}`;
  const issues: GuestIssue[] = [];
  if (!guest.media.winfspMsi)
    issues.push({
      path: 'media.winfspMsi',
      message: `is not set, and the ${count} of this Windows guest are mounted with virtio-fs, which runs on WinFsp: set media.winfspMsi to the WinFsp MSI (winfsp-2.x.msi from winfsp.dev), or remove shares`,
    });
  if (!guest.media.drivers)
    issues.push({
      path: 'media.drivers',
      message: `is not set, and the ${count} of this Windows guest need the virtio-fs driver and virtiofs.exe (${virtioWinFolder('viofs', guest.family, arch)} of virtio-win): set media.drivers to a virtio-win ISO or its extracted folder, or remove shares`,
    });
  return issues;
}
