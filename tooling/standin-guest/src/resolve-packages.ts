import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type DebianArch, dependencyClosure, resolveKernelPackages, showPackages } from './apt.ts';
import type { AptPackage } from './apt-packages.ts';

/** Where apt keeps the package lists; `apt-get update` replaces files there, changing its mtime. */
const aptLists = '/var/lib/apt/lists';

/**
 * The exact `arch` packages to build from: the kernel image (and modules package, if separate) plus
 * `roots` with their library closure, plus `standalone` packages without theirs (one program taken
 * from a package whose dependencies the guest does not need; its libraries must be in the closure). The answer is remembered in `cacheDir` until apt's lists
 * change, so a cached build is found without running apt-cache (about a second per call on hosts
 * that keep no apt cache file).
 */
export async function resolvePackages(
  cacheDir: string,
  arch: DebianArch,
  kernelPackage: string,
  roots: readonly string[],
  standalone: readonly string[] = [],
) {
  const stamp = String((await stat(aptLists).catch(() => undefined))?.mtimeMs ?? 'none');
  const id = createHash('sha256')
    .update(JSON.stringify([arch, kernelPackage, roots, standalone]))
    .digest('hex')
    .slice(0, 12);
  const file = join(cacheDir, `resolved-${id}.json`);
  const remembered = await readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as { stamp: string; packages: AptPackage[] })
    .catch(() => undefined);
  if (remembered?.stamp === stamp) return remembered.packages;
  const [kernel, userland, alone] = await Promise.all([
    resolveKernelPackages(kernelPackage, arch),
    dependencyClosure(roots, arch),
    standalone.length > 0 ? showPackages(standalone, arch) : [],
  ]);
  const packages = [...kernel, ...userland, ...alone];
  await writeFile(file, JSON.stringify({ stamp, packages })).catch(() => undefined);
  return packages;
}
