import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { systemPath } from '../system-path.ts';

/** Everything building and booting the guest drives; depmod lives in /usr/sbin on Debian. */
export function requireGuestTools() {
  return requireHostTools(
    [
      { command: 'apt-get', debian: 'apt' },
      { command: 'dpkg-deb', debian: 'dpkg' },
      { command: 'depmod', debian: 'kmod' },
      { command: 'readelf', debian: 'binutils' },
      { command: 'qemu-system-x86_64', debian: 'qemu-system-x86' },
      { command: 'qemu-img', debian: 'qemu-utils' },
      { command: 'genisoimage', debian: 'genisoimage' },
      { command: 'ssh', debian: 'openssh-client' },
      { command: 'ssh-keygen', debian: 'openssh-client' },
    ],
    { ...process.env, PATH: systemPath() },
  );
}
