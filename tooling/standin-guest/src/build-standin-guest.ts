import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { execa } from 'execa';
import { z } from 'zod';
import { dependencyClosure, downloadPackages, extractPackage, resolveKernelPackages } from './apt.ts';
import type { AptPackage } from './apt-packages.ts';
import { standinCacheKey } from './cache-key.ts';
import { writeNewc } from './cpio.ts';
import { StandinGuestError } from './errors.ts';
import { readGuestRootfs } from './guest-rootfs.ts';
import { type InitramfsFile, initramfsEntries } from './initramfs.ts';
import { guestModuleParameters, guestModules, resolveModuleLoads } from './kernel-modules.ts';
import { sharedLibraries } from './shared-libraries.ts';
import { systemPath } from './system-path.ts';

/** Options of `buildStandinGuest`. */
export const buildStandinGuestOptionsSchema = z.object({
  /** Directory for downloaded .debs and finished builds (`standin-<key>/`); created when missing. */
  cacheDir: z.string().min(1, 'cacheDir must name a directory'),
  /** The kernel package; a meta package is resolved to the versioned image it depends on. */
  kernelPackage: z.string().min(1).default('linux-image-amd64'),
});

/** Input of `buildStandinGuest`. */
export type BuildStandinGuestOptions = z.input<typeof buildStandinGuestOptionsSchema>;

/** A finished build, ready for `qemu-system-x86_64 -kernel <kernel> -initrd <initrd>`. */
export interface StandinGuest {
  /** Absolute path of the kernel image (Debian's vmlinuz). */
  kernel: string;
  /** Absolute path of the gzip-compressed newc initramfs. */
  initrd: string;
  /** Kernel release, e.g. `6.1.0-56-amd64`. */
  kernelVersion: string;
  /** The content key the build is cached under. */
  key: string;
  /** The Debian packages (exact versions) the build was assembled from. */
  packages: { name: string; version: string }[];
}

interface Manifest extends Omit<StandinGuest, 'kernel' | 'initrd'> {}

const userlandRoots = ['busybox-static', 'dropbear-bin'];
const binaries = ['bin/busybox', 'usr/sbin/dropbear', 'usr/bin/dropbearkey'];

/**
 * Assembles the stand-in guest from Debian packages (apt-get download + dpkg-deb -x, no root
 * needed), or returns the cached build for the same package versions and guest files. Safe when
 * several test workers race: each builds in its own temporary directory and renames it into place.
 */
export async function buildStandinGuest(options: BuildStandinGuestOptions): Promise<StandinGuest> {
  const { cacheDir, kernelPackage } = buildStandinGuestOptionsSchema.parse(options);
  const packages = [...(await resolveKernelPackages(kernelPackage)), ...(await dependencyClosure(userlandRoots))];
  const rootfs = await readGuestRootfs();
  const key = standinCacheKey({ packages, rootfs, modules: guestModules, moduleParameters: guestModuleParameters });
  const dir = join(cacheDir, `standin-${key}`);
  const cached = await readBuild(dir);
  if (cached) return cached;
  await mkdir(cacheDir, { recursive: true });
  const work = await mkdtemp(join(cacheDir, `.build-${key}-`));
  try {
    const out = join(work, 'out');
    await assemble({ packages, rootfs, key, root: join(work, 'root'), out, debDir: join(cacheDir, 'debs') });
    await rename(out, dir).catch(async (error: NodeJS.ErrnoException) => {
      // Another worker finished first: its build has the same key, so it has the same content.
      if (!(await readBuild(dir))) throw error;
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return (await readBuild(dir)) as StandinGuest;
}

interface AssembleInput {
  packages: AptPackage[];
  rootfs: InitramfsFile[];
  key: string;
  root: string;
  out: string;
  debDir: string;
}

async function assemble({ packages, rootfs, key, root, out, debDir }: AssembleInput): Promise<void> {
  for (const deb of await downloadPackages(packages, debDir)) await extractPackage(deb, root);
  const kernelVersion = await onlyKernelVersion(root);
  const moduleDir = join(root, 'lib/modules', kernelVersion);
  await execa('depmod', ['-b', root, kernelVersion], { env: { PATH: systemPath() } });
  const moduleLoads = resolveModuleLoads(
    guestModules,
    await readFile(join(moduleDir, 'modules.dep'), 'utf8'),
    await readFile(join(moduleDir, 'modules.builtin'), 'utf8'),
  );
  const placed = [
    ...binaries.map((path) => ({ path, source: join(root, path) })),
    ...(await sharedLibraries(root, binaries.slice(1))),
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
  const manifest: Manifest = {
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

/** The build in `dir`, when it is complete (the manifest is written last). */
async function readBuild(dir: string): Promise<StandinGuest | undefined> {
  try {
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    return { ...manifest, kernel: join(dir, 'vmlinuz'), initrd: join(dir, 'initrd.img') };
  } catch {
    return undefined;
  }
}
