import { mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { type AptPackage, debFileName, parseAptShow } from './apt-packages.ts';
import { StandinGuestError } from './errors.ts';

/** A Debian architecture the guest can be built for. */
export type DebianArch = 'amd64' | 'arm64';

/**
 * Looks up the candidate versions of `names` for `arch` in the host's apt lists (`name:arch`, so a
 * foreign architecture works once `dpkg --add-architecture` and `apt-get update` ran).
 */
export async function showPackages(names: readonly string[], arch: DebianArch): Promise<AptPackage[]> {
  const found = await aptShow(names.map((name) => `${name}:${arch}`));
  const pick = (name: string) =>
    found.find((pkg) => pkg.name === name && pkg.architecture === arch) ??
    found.find((pkg) => pkg.name === name && pkg.architecture === 'all');
  // apt files `Architecture: all` packages under the native architecture only, so `name:arm64`
  // finds none of them on an amd64 host: look those up by their bare name.
  const unresolved = names.filter((name) => !pick(name));
  if (unresolved.length > 0) {
    const all = await aptShow(unresolved);
    found.push(...all.filter((pkg) => pkg.architecture === 'all'));
  }
  const missing = names.filter((name) => !pick(name));
  if (missing.length > 0) {
    const foreign = arch === 'amd64' ? '' : ` (for ${arch}: dpkg --add-architecture ${arch})`;
    throw new StandinGuestError(
      'package-not-found',
      `apt knows no ${arch} package ${missing.join(', ')}; run apt-get update${foreign} (the host needs Debian's apt sources).`,
    );
  }
  return names.map((name) => pick(name) as AptPackage);
}

async function aptShow(specs: readonly string[]): Promise<AptPackage[]> {
  const result = await execa('apt-cache', ['show', '--no-all-versions', ...specs], { reject: false });
  return parseAptShow(result.stdout);
}

/**
 * Resolves a kernel meta package (`linux-image-amd64` depends on exactly one versioned
 * `linux-image-<abi>-amd64`) to the versioned image package plus any `linux-modules-*` package it
 * depends on. A versioned image package given directly resolves to itself.
 */
export async function resolveKernelPackages(kernelPackage: string, arch: DebianArch): Promise<AptPackage[]> {
  const [meta] = await showPackages([kernelPackage], arch);
  const image = meta?.depends.find((dep) => /^linux-image-\d/.test(dep));
  if (!meta || !image) return meta ? [meta] : [];
  const [imagePkg] = await showPackages([image], arch);
  if (!imagePkg) return [];
  const modules = imagePkg.depends.filter((dep) => dep.startsWith('linux-modules-'));
  return [imagePkg, ...(modules.length > 0 ? await showPackages(modules, arch) : [])];
}

/** `roots` and everything they depend on, transitively (the shared libraries a binary needs). */
export async function dependencyClosure(roots: readonly string[], arch: DebianArch): Promise<AptPackage[]> {
  const seen = new Map<string, AptPackage>();
  let frontier = [...roots];
  while (frontier.length > 0) {
    const pkgs = await showPackages(frontier, arch);
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
      const specs = missing.map((pkg) => `${pkg.name}:${pkg.architecture}=${pkg.version}`);
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
