import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { standinBootIso } from './boot-iso.ts';
import { buildStandinGuest, type StandinGuest } from './build-standin-guest.ts';
import { defaultStandinCacheDir } from './default-cache-dir.ts';
import { standinKernelCmdline } from './kernel-cmdline.ts';
import { systemPath } from './system-path.ts';

const gate = requireHostTools(
  [
    { command: 'apt-get', debian: 'apt' },
    { command: 'dpkg-deb', debian: 'dpkg' },
    { command: 'depmod', debian: 'kmod' },
    { command: 'readelf', debian: 'binutils' },
    { command: 'mkfs.vfat', debian: 'dosfstools' },
    { command: 'mcopy', debian: 'mtools' },
    { command: 'xorriso', debian: 'xorriso' },
    { command: 'file', debian: 'file' },
    { command: 'sh', debian: 'dash' },
    { command: 'gzip', debian: 'gzip' },
    { command: 'cpio', debian: 'cpio' },
  ],
  { ...process.env, PATH: systemPath() },
);

// The arm64 guest's install media, read back with xorriso, mtools and file(1); booting them is the
// e2e harness's standin-arm64 scenario.
describe.skipIf(!gate.available)('the arm64 stand-in and its EFI boot media', () => {
  let guest: StandinGuest;
  let iso: string;
  let dir: string;
  const cmdline = standinKernelCmdline({ arch: 'arm64', script: 'setup/first-logon.ps1' });
  beforeAll(async () => {
    guest = await buildStandinGuest({ cacheDir: defaultStandinCacheDir(), arch: 'arm64' });
    iso = await standinBootIso({ guest, cmdline });
    dir = await mkdtemp(join(tmpdir(), 'standin-boot-iso-'));
  }, 600_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('the kernel is an arm64 Image with its EFI stub; the initramfs has arm64 dropbear and modules', async () => {
    expect(guest.arch).toBe('arm64');
    expect(guest.kernelVersion).toMatch(/-arm64$/);
    expect(guest.packages.map((p) => p.name)).toEqual(
      expect.arrayContaining(['busybox-static', 'dropbear-bin', 'systemd-boot-efi']),
    );
    expect((await execa('file', ['-b', guest.kernel])).stdout).toMatch(/ARM64/);
    // The EFI stub makes the Image a PE file the firmware can start: it begins with "MZ".
    expect((await readFile(guest.kernel)).subarray(0, 2).toString('latin1')).toBe('MZ');
    const listing = await execa('sh', ['-c', `gzip -dc "${guest.initrd}" | cpio -t --quiet`]);
    expect(listing.stdout).toMatch(/^usr\/sbin\/dropbear$/m);
    expect(listing.stdout).toMatch(/^lib\/ld-linux-aarch64\.so\.1$/m);
    expect(listing.stdout).toMatch(/kernel\/drivers\/usb\/storage\/usb-storage\.ko/);
    expect(listing.stdout).toMatch(/kernel\/drivers\/nvme\/host\/nvme\.ko/);
    const dropbear = join(dir, 'dropbear');
    await execa('sh', [
      '-c',
      `gzip -dc "${guest.initrd}" | cpio -i --quiet --to-stdout usr/sbin/dropbear > "${dropbear}"`,
    ]);
    expect((await execa('file', ['-b', dropbear])).stdout).toMatch(/ARM aarch64/);
  });

  test('the ISO boots an EFI image that holds systemd-boot, the loader entry and the kernel', async () => {
    const report = await execa('xorriso', ['-indev', iso, '-report_el_torito', 'plain']);
    expect(report.stdout).toMatch(/El Torito boot img :\s+1\s+UEFI/);
    const esp = join(dir, 'esp.img');
    await execa('xorriso', ['-osirrox', 'on', '-indev', iso, '-extract', '/esp.img', esp]);
    const env = { MTOOLS_SKIP_CHECK: '1' };
    const mdir = await execa('mdir', ['-b', '-i', esp, '::/EFI/BOOT'], { env });
    expect(mdir.stdout).toContain('BOOTAA64.EFI');
    const entry = await execa('mtype', ['-i', esp, '::/loader/entries/standin.conf'], { env });
    expect(entry.stdout).toContain(`options ${cmdline}`);
    expect(entry.stdout).toMatch(/^linux \/vmlinuz$/m);
    expect(entry.stdout).toMatch(/^initrd \/initrd\.img$/m);
    await execa('mcopy', ['-i', esp, '::/vmlinuz', join(dir, 'vmlinuz')], { env });
    expect(await readFile(join(dir, 'vmlinuz'))).toEqual(await readFile(guest.kernel));
  });

  test('one ISO per command line, reused; an amd64 build has no boot media', async () => {
    expect(await standinBootIso({ guest, cmdline })).toBe(iso);
    expect(await standinBootIso({ guest, cmdline: `${cmdline} winguest.debug=1` })).not.toBe(iso);
    const amd64 = { ...guest, arch: 'amd64' as const, bootLoader: undefined };
    await expect(standinBootIso({ guest: amd64, cmdline })).rejects.toThrow(
      /boot media are made for arm64 builds/,
    );
  });
});
