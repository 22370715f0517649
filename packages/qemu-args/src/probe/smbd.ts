import { findExecutable } from '@winguest/shell';
import type { ProbeResult } from './probe-result';

/** Samba's smbd, which QEMU starts for a user-network `smb=` share. */
export interface Smbd {
  /** Absolute path of smbd. */
  path: string;
}

/**
 * Where QEMU builds look for smbd (`--smbd=` at configure time): Debian `/usr/sbin/smbd`, Homebrew's
 * `samba-dot-org-smbd`, the `/usr/local` variants.
 */
export const smbdPaths = [
  '/usr/sbin/smbd',
  '/usr/local/sbin/smbd',
  '/opt/homebrew/sbin/samba-dot-org-smbd',
  '/usr/local/sbin/samba-dot-org-smbd',
];

/** Finds smbd where QEMU looks for it. Never throws. */
export function probeSmbd(
  options: { platform?: NodeJS.Platform; paths?: readonly string[] } = {},
): ProbeResult<Smbd> {
  const platform = options.platform ?? process.platform;
  if (platform === 'win32')
    return { available: false, reason: 'QEMU for Windows has no smb= share (no smbd to start)' };
  const paths = options.paths ?? smbdPaths;
  const dirs = [...new Set(paths.map((p) => p.slice(0, p.lastIndexOf('/'))))];
  for (const path of paths) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const found = findExecutable(name, { platform, env: { PATH: '' }, extraDirs: dirs });
    if (found === path) return { available: true, path };
  }
  return {
    available: false,
    reason: `smbd not found in ${paths.join(', ')} (Debian: samba, Homebrew: samba)`,
  };
}
