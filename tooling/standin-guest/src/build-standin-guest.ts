import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { execa } from 'execa';
import { z } from 'zod';
import { type DebianArch, downloadPackages, extractPackage } from './apt.ts';
import type { AptPackage } from './apt-packages.ts';
import { standinCacheKey } from './cache-key.ts';
import {
  type BuildManifest,
  bootLoaderFile,
  type CachedBuild,
  publishBuild,
  readBuild,
  removeStaleBuilds,
} from './cached-build.ts';
import { writeNewc } from './cpio.ts';
import { StandinGuestError } from './errors.ts';
import { readGuestRootfs } from './guest-rootfs.ts';
import { type InitramfsFile, initramfsEntries } from './initramfs.ts';
import { guestModuleParameters, guestModules, resolveModuleLoads } from './kernel-modules.ts';
import { resolvePackages } from './resolve-packages.ts';
import { sharedLibraries } from './shared-libraries.ts';
import { systemPath } from './system-path.ts';

/** Options of `buildStandinGuest`. */
export const buildStandinGuestOptionsSchema = z.object({
  /** Directory for downloaded .debs and finished builds (`standin-<key>/`); created when missing. */
  cacheDir: z.string().min(1, 'cacheDir must name a directory'),
  /** Guest architecture: `amd64` (default) or `arm64` (needs `dpkg --add-architecture arm64`). */
  arch: z.enum(['amd64', 'arm64']).default('amd64'),
  /**
   * The kernel package; a meta package is resolved to the versioned image it depends on. Default
   * `linux-image-<arch>`.
   */
  kernelPackage: z.string().min(1).optional(),
});

/** Input of `buildStandinGuest`. */
export type BuildStandinGuestOptions = z.input<typeof buildStandinGuestOptionsSchema>;

/**
 * A finished build, ready for `qemu-system-x86_64 -kernel <kernel> -initrd <initrd>` (amd64) or
 * for `standinBootIso` (arm64, booted from the firmware): absolute paths of Debian's kernel and the
 * gzip'd newc initramfs, the arm64 build's EFI boot loader, the kernel release, the content key
 * and the exact Debian package versions it was assembled from.
 */
export type StandinGuest = CachedBuild;

/**
 * Userland packages: busybox, dropbear, and Debian's QEMU guest agent (run on the
 * `org.qemu.guest_agent.0` port when QEMU attaches one); arm64 adds systemd-boot, the EFI boot
 * loader its boot media start.
 */
const userlandRoots = {
  amd64: ['busybox-static', 'dropbear-bin', 'qemu-guest-agent'],
  arm64: ['busybox-static', 'dropbear-bin', 'qemu-guest-agent', 'systemd-boot-efi'],
} as const;
/** OpenSSH's sftp-server (dropbear runs `/usr/lib/sftp-server` for SFTP), without OpenSSH's client. */
const standalonePackages = ['openssh-sftp-server'];
const binaries = [
  'bin/busybox',
  'usr/sbin/dropbear',
  'usr/bin/dropbearkey',
  'usr/lib/sftp-server',
  'usr/sbin/qemu-ga',
];
const bootLoader = 'usr/lib/systemd/boot/efi/systemd-bootaa64.efi';

/**
 * Assembles the stand-in guest from Debian packages (apt-get download + dpkg-deb -x, no root
 * needed), or returns the cached build for the same package versions and guest files. Safe when
 * several test workers race: each builds in its own temporary directory and renames it into place.
 */
export async function buildStandinGuest(options: BuildStandinGuestOptions): Promise<StandinGuest> {
  const { cacheDir, arch, kernelPackage } = buildStandinGuestOptionsSchema.parse(options);
  await mkdir(cacheDir, { recursive: true });
  const packages = await resolvePackages(
    cacheDir,
    arch,
    kernelPackage ?? `linux-image-${arch}`,
    userlandRoots[arch],
    standalonePackages,
  );
  const rootfs = await readGuestRootfs();
  const key = standinCacheKey({
    packages,
    rootfs,
    modules: guestModules[arch],
    moduleParameters: guestModuleParameters,
  });
  const dir = join(cacheDir, `standin-${key}`);
  const cached = await readBuild(dir);
  if (cached) return cached;
  await removeStaleBuilds(cacheDir);
  const work = await mkdtemp(join(cacheDir, `.build-${key}-`));
  try {
    const out = join(work, 'out');
    const debDir = join(cacheDir, 'debs');
    await assemble({ arch, packages, rootfs, key, root: join(work, 'root'), out, debDir });
    return await publishBuild(out, dir);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

interface AssembleInput {
  arch: DebianArch;
  packages: AptPackage[];
  rootfs: InitramfsFile[];
  key: string;
  root: string;
  out: string;
  debDir: string;
}

async function assemble({ arch, packages, rootfs, key, root, out, debDir }: AssembleInput): Promise<void> {
  for (const deb of await downloadPackages(packages, debDir)) await extractPackage(deb, root);
  const kernelVersion = await onlyKernelVersion(root);
  const moduleDir = join(root, 'lib/modules', kernelVersion);
  await execa('depmod', ['-b', root, kernelVersion], { env: { PATH: systemPath() } });
  const moduleLoads = resolveModuleLoads(
    guestModules[arch],
    await readFile(join(moduleDir, 'modules.dep'), 'utf8'),
    await readFile(join(moduleDir, 'modules.builtin'), 'utf8'),
  );
  const placed = [
    ...binaries.map((path) => ({ path, source: join(root, path) })),
    ...(await sharedLibraries(root, binaries.slice(1), arch)),
    ...moduleLoads.map((load) => ({
      path: `lib/modules/${kernelVersion}/${load.path}`,
      source: join(moduleDir, load.path),
    })),
  ];
  const files = await Promise.all(
    placed.map(async ({ path, source }) => ({
      path,
      mode: path.endsWith('.ko') ? 0o644 : 0o755,
      data: await readFile(source),
    })),
  );
  const cpio = writeNewc(initramfsEntries({ rootfs, files, kernelVersion, moduleLoads }));
  await mkdir(out);
  await copyFile(join(root, 'boot', `vmlinuz-${kernelVersion}`), join(out, 'vmlinuz'));
  await writeFile(join(out, 'initrd.img'), gzipSync(cpio));
  if (arch === 'arm64') await copyFile(join(root, bootLoader), join(out, bootLoaderFile));
  const manifest: BuildManifest = {
    arch,
    kernelVersion,
    key,
    packages: packages.map(({ name, version }) => ({ name, version })),
  };
  await writeFile(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

async function onlyKernelVersion(root: string): Promise<string> {
  const versions = await readdir(join(root, 'lib/modules')).catch(() => []);
  if (versions.length !== 1 || !versions[0]) {
    throw new StandinGuestError(
      'package-not-found',
      `Expected exactly one kernel under lib/modules of the unpacked packages, found ${versions.length}; choose a kernel image package with modules.`,
    );
  }
  return versions[0];
}
