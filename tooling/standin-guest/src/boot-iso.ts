import { createHash } from 'node:crypto';
import { access, mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import type { CachedBuild } from './cached-build.ts';
import { StandinGuestError } from './errors.ts';
import { systemPath } from './system-path.ts';

/** The ESP image's name at the boot ISO's root; the guest copies it to the disk while "applying the image". */
export const espImageName = 'esp.img';

/** Input of `standinBootIso`. */
export interface StandinBootIsoOptions {
  /** An arm64 build from `buildStandinGuest({ arch: 'arm64' })`. */
  guest: CachedBuild;
  /** The kernel command line (`standinKernelCmdline({ arch: 'arm64', … })`). */
  cmdline: string;
}

/**
 * The arm64 guest's install media, booted by the firmware the way Windows media are: an ISO whose
 * El Torito EFI image (also the file `esp.img`) is a FAT ESP holding systemd-boot as
 * `EFI/BOOT/BOOTAA64.EFI`, one loader entry with `cmdline`, the kernel (its own EFI stub) and the
 * initramfs. Cached next to the build, one ISO per command line; returns its absolute path.
 */
export async function standinBootIso({ guest, cmdline }: StandinBootIsoOptions): Promise<string> {
  if (!guest.bootLoader) {
    throw new StandinGuestError(
      'invalid-option',
      `The stand-in build ${guest.key} is ${guest.arch}; boot media are made for arm64 builds (buildStandinGuest({ arch: 'arm64' })).`,
    );
  }
  const id = createHash('sha256').update(cmdline).digest('hex').slice(0, 12);
  const iso = join(dirname(guest.kernel), `boot-${id}.iso`);
  if (
    await access(iso).then(
      () => true,
      () => false,
    )
  )
    return iso;
  const work = await mkdtemp(join(dirname(guest.kernel), '.boot-'));
  try {
    const root = join(work, 'iso');
    await mkdir(root);
    const esp = join(root, espImageName);
    await writeEsp(esp, { ...guest, bootLoader: guest.bootLoader }, cmdline, work);
    await run('xorriso', [
      ...['-as', 'mkisofs', '-quiet', '-J', '-joliet-long', '-V', 'WINGUEST_STANDIN'],
      ...['-e', espImageName, '-no-emul-boot', '-o', join(work, 'boot.iso'), root],
    ]);
    await rename(join(work, 'boot.iso'), iso);
    return iso;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** A FAT ESP (mkfs.vfat + mtools, no root needed) sized to its files plus 4 MiB. */
async function writeEsp(
  esp: string,
  guest: CachedBuild & { bootLoader: string },
  cmdline: string,
  work: string,
): Promise<void> {
  const loaderConf = join(work, 'loader.conf');
  const entry = join(work, 'standin.conf');
  await writeFile(loaderConf, 'default standin.conf\ntimeout 0\n');
  await writeFile(
    entry,
    `title winguest stand-in ${guest.kernelVersion}\nlinux /vmlinuz\ninitrd /initrd.img\noptions ${cmdline}\n`,
  );
  const sizes = await Promise.all([guest.kernel, guest.initrd, guest.bootLoader].map((f) => stat(f)));
  const kib = Math.ceil(sizes.reduce((sum, s) => sum + s.size, 0) / 1024) + 4096;
  await run('mkfs.vfat', ['-C', '-n', 'STANDINESP', '-i', '57494e47', esp, String(kib)]);
  await run('mmd', ['-i', esp, '::/EFI', '::/EFI/BOOT', '::/loader', '::/loader/entries']);
  const copies: Array<[string, string]> = [
    [guest.bootLoader, '::/EFI/BOOT/BOOTAA64.EFI'],
    [loaderConf, '::/loader/loader.conf'],
    [entry, '::/loader/entries/standin.conf'],
    [guest.kernel, '::/vmlinuz'],
    [guest.initrd, '::/initrd.img'],
  ];
  for (const [from, to] of copies) await run('mcopy', ['-i', esp, from, to]);
}

async function run(command: string, args: string[]): Promise<void> {
  const result = await execa(command, args, {
    reject: false,
    env: { PATH: systemPath(), MTOOLS_SKIP_CHECK: '1' },
  });
  if (result.exitCode !== 0) {
    throw new StandinGuestError(
      'boot-media-failed',
      `${command} ${args.join(' ')} failed (${result.exitCode === undefined ? 'not found' : `exit ${result.exitCode}`}): ${result.stderr}; the boot media need mtools, dosfstools and xorriso.`,
    );
  }
}
