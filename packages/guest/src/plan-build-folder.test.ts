import type { HostProbe } from '@winguest/qemu-args/probe';
import { describe, expect, test } from 'vitest';
import { planCommandFile, planHost, resolveGuest } from './index';

const host: HostProbe = {
  qemu: { available: true, path: '/usr/bin/qemu-system-x86_64', version: { major: 7, minor: 2, micro: 0 } },
  firmware: { available: false, reason: 'not needed (BIOS)' },
  accelerator: { accelerator: 'kvm', smm: true },
} as HostProbe;
const guest = resolveGuest({
  firmware: 'bios',
  shares: [{ hostPath: 'projects' }, { hostPath: '/srv/photos', readOnly: true }],
});
const hostPaths = ['/home/me/projects', '/srv/photos'];
const plan = (
  shares: Parameters<typeof planCommandFile>[1]['shares'],
  shell: 'posix' | 'powershell' = 'posix',
) =>
  planCommandFile(guest, {
    arch: 'amd64',
    host: planHost(guest, 'amd64', host),
    shell,
    ...(shares ? { shares } : {}),
  });

describe("the build folder's command file shares folders the way its media were planned", () => {
  test('virtio-fs: qemu.sh starts a virtiofsd per share (read-only under a read-only bind) before QEMU', () => {
    const virtiofsd = { path: '/usr/lib/qemu/virtiofsd', flavour: 'qemu', readOnlyOption: false } as const;
    const file = plan({ mode: 'virtio-fs', virtiofsd, hostPaths });
    expect(file.argv).toEqual(expect.arrayContaining(['vhost-user-fs-pci,chardev=vfs0,tag=projects,id=fs0']));
    expect(file.argv).toEqual(expect.arrayContaining(['socket,id=vfs1,path=virtiofs-1.sock']));
    expect(file.text).toContain(
      '/usr/lib/qemu/virtiofsd --socket-path=virtiofs-0.sock -o source=/home/me/projects',
    );
    expect(file.text).toMatch(
      /unshare --mount .* \/srv\/photos \/usr\/lib\/qemu\/virtiofsd --socket-path=virtiofs-1\.sock/,
    );
    expect(file.text.indexOf('wait_socket virtiofs-1.sock')).toBeLessThan(
      file.text.indexOf('qemu-system-x86_64'),
    );
    expect(file.warnings).toEqual([]);
  });

  test('SMB: QEMU serves the first share with smb=; no virtiofsd, no vhost-user device', () => {
    const file = plan({ mode: 'smb', hostPaths });
    expect(file.argv.find((arg) => arg.startsWith('user,'))).toContain('smb=/home/me/projects');
    expect(file.text).not.toContain('virtiofsd');
    expect(file.argv.join(' ')).not.toContain('vhost-user-fs-pci');
  });

  test('qemu.ps1 cannot run virtiofsd: no share device and a warning; none or no mode: no shares', () => {
    const virtiofsd = { path: '/usr/libexec/virtiofsd', flavour: 'rust', readOnlyOption: true } as const;
    const ps1 = plan({ mode: 'virtio-fs', virtiofsd, hostPaths }, 'powershell');
    expect(ps1.argv.join(' ')).not.toContain('vhost-user-fs-pci');
    expect(ps1.warnings).toEqual([expect.stringContaining('qemu.ps1 cannot run virtiofsd')]);
    for (const file of [plan({ mode: 'none', hostPaths }), plan(undefined)])
      expect(file.argv.join(' ')).not.toMatch(/vhost-user-fs-pci|smb=/);
  });
});
