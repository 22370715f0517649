import { createHash } from 'node:crypto';
import type { AptPackage } from './apt-packages.ts';
import type { InitramfsFile } from './initramfs.ts';

/** Bump when the build itself changes in a way the inputs below do not show. */
const buildFormat = 2;

/** What decides the bytes of a build: exact package versions, the guest's files, the module set. */
export interface CacheKeyInput {
  packages: readonly AptPackage[];
  rootfs: readonly InitramfsFile[];
  modules: readonly string[];
  moduleParameters: Readonly<Record<string, string>>;
}

/** A short content key: two builds with the same key produce the same kernel and initramfs. */
export function standinCacheKey(input: CacheKeyInput): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      buildFormat,
      packages: input.packages.map((pkg) => `${pkg.name}=${pkg.version}:${pkg.architecture}`).sort(),
      rootfs: [...input.rootfs]
        .sort((a, b) => (a.path < b.path ? -1 : 1))
        .map((file) => [file.path, file.mode, createHash('sha256').update(file.data).digest('hex')]),
      modules: input.modules,
      moduleParameters: input.moduleParameters,
    }),
  );
  return hash.digest('hex').slice(0, 16);
}
