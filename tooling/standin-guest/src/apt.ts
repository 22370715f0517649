import { mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { type AptPackage, debFileName, parseAptShow } from './apt-packages.ts';
import { StandinGuestError } from './errors.ts';

/** Looks up the candidate versions of `names` in the host's apt lists. */
export async function showPackages(names: readonly string[]): Promise<AptPackage[]> {
  const result = await execa('apt-cache', ['show', '--no-all-versions', ...names], { reject: false });
  const found = parseAptShow(result.stdout);
  const missing = names.filter((name) => !found.some((pkg) => pkg.name === name));
  if (missing.length > 0) {
    throw new StandinGuestError(
      'package-not-found',
      `apt knows no package ${missing.join(', ')}; run apt-get update (the host needs Debian's apt sources).`,
    );
  }
  return names.map((name) => found.find((pkg) => pkg.name === name) as AptPackage);
}

/**
 * Resolves a kernel meta package (`linux-image-amd64` depends on exactly one versioned
 * `linux-image-<abi>-amd64`) to the versioned image package plus any `linux-modules-*` package it
 * depends on. A versioned image package given directly resolves to itself.
 */
export async function resolveKernelPackages(kernelPackage: string): Promise<AptPackage[]> {
  const [meta] = await showPackages([kernelPackage]);
  const image = meta?.depends.find((dep) => /^linux-image-\d/.test(dep));
  if (!meta || !image) return meta ? [meta] : [];
  const [imagePkg] = await showPackages([image]);
  if (!imagePkg) return [];
  const modules = imagePkg.depends.filter((dep) => dep.startsWith('linux-modules-'));
  return [imagePkg, ...(modules.length > 0 ? await showPackages(modules) : [])];
}

/** `roots` and everything they depend on, transitively (the shared libraries a binary needs). */
export async function dependencyClosure(roots: readonly string[]): Promise<AptPackage[]> {
  const seen = new Map<string, AptPackage>();
  let frontier = [...roots];
  while (frontier.length > 0) {
    const pkgs = await showPackages(frontier);
    for (const pkg of pkgs) seen.set(pkg.name, pkg);
    frontier = [...new Set(pkgs.flatMap((pkg) => pkg.depends))].filter((name) => !seen.has(name));
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Makes sure `debDir` holds the .deb of every package (exact versions), downloading the missing
 * ones with `apt-get download` into a private directory first so racing builds never see a
 * half-written file. Returns the .deb paths in input order.
 */
export async function downloadPackages(pkgs: readonly AptPackage[], debDir: string): Promise<string[]> {
  await mkdir(debDir, { recursive: true });
  const present = new Set(await readdir(debDir));
  const missing = pkgs.filter((pkg) => !present.has(debFileName(pkg)));
  if (missing.length > 0) {
    const scratch = await mkdtemp(join(debDir, '.download-'));
    try {
      const specs = missing.map((pkg) => `${pkg.name}=${pkg.version}`);
      const result = await execa('apt-get', ['download', '-q', ...specs], { cwd: scratch, reject: false });
      if (result.exitCode !== 0) {
        throw new StandinGuestError(
          'apt-failed',
          `apt-get download ${specs.join(' ')} failed: ${result.stderr}`,
        );
      }
      for (const file of await readdir(scratch)) await rename(join(scratch, file), join(debDir, file));
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }
  const paths = pkgs.map((pkg) => join(debDir, debFileName(pkg)));
  await Promise.all(paths.map((path) => stat(path)));
  return paths;
}

/** Unpacks a .deb's files into `root` (no maintainer scripts run; no root needed). */
export async function extractPackage(deb: string, root: string): Promise<void> {
  await execa('dpkg-deb', ['-x', deb, root]);
}
