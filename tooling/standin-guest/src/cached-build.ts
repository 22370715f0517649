import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The arm64 build's EFI boot loader (systemd-boot), next to `vmlinuz` and `initrd.img`. */
export const bootLoaderFile = 'BOOTAA64.EFI';

/** What a finished build directory holds besides `vmlinuz` and `initrd.img` (`manifest.json`). */
export interface BuildManifest {
  /** Guest architecture. */
  arch: 'amd64' | 'arm64';
  /** Kernel release, e.g. `6.1.0-56-amd64`. */
  kernelVersion: string;
  /** The content key the build is cached under. */
  key: string;
  /** The Debian packages (exact versions) the build was assembled from. */
  packages: { name: string; version: string }[];
}

/** A finished build: its manifest plus the absolute paths of its kernel and initramfs. */
export interface CachedBuild extends BuildManifest {
  kernel: string;
  initrd: string;
  /** The EFI boot loader (arm64 only): `standinBootIso` puts it on the boot media. */
  bootLoader?: string;
}

/** The build in `dir` when it is complete (its manifest is written last), else `undefined`. */
export async function readBuild(dir: string): Promise<CachedBuild | undefined> {
  try {
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as BuildManifest;
    const build = { ...manifest, kernel: join(dir, 'vmlinuz'), initrd: join(dir, 'initrd.img') };
    return manifest.arch === 'arm64' ? { ...build, bootLoader: join(dir, bootLoaderFile) } : build;
  } catch {
    return undefined;
  }
}

/**
 * Moves a finished build from its private directory `out` to `dir` in one rename. When another
 * worker got there first, its build (same key, same content) is kept and `out` is removed.
 */
export async function publishBuild(out: string, dir: string): Promise<CachedBuild> {
  try {
    await rename(out, dir);
  } catch (error) {
    const theirs = await readBuild(dir);
    if (!theirs) throw error;
    await rm(out, { recursive: true, force: true });
  }
  return (await readBuild(dir)) as CachedBuild;
}

/**
 * Removes private build directories (`.build-*`) older than `maxAgeMs` that a killed test run left
 * behind; each holds an unpacked kernel of about 400 MB.
 */
export async function removeStaleBuilds(
  cacheDir: string,
  maxAgeMs = 3_600_000,
  now = Date.now(),
): Promise<void> {
  const names = await readdir(cacheDir).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith('.build-'))) {
    const path = join(cacheDir, name);
    const info = await stat(path).catch(() => undefined);
    if (info && now - info.mtimeMs > maxAgeMs) await rm(path, { recursive: true, force: true });
  }
}
