import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InitramfsFile } from './initramfs.ts';

/** The package's `guest/rootfs` directory (one level up from both `src/` and `dist/`). */
export const guestRootfsDir = fileURLToPath(new URL('../guest/rootfs/', import.meta.url));

/** Reads the guest's own files (`init`, `etc/…`); executables keep mode 0755, the rest get 0644. */
export async function readGuestRootfs(dir = guestRootfsDir): Promise<InitramfsFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return Promise.all(
    files.sort().map(async (path) => ({
      path: relative(dir, path),
      mode: (await stat(path)).mode & 0o111 ? 0o755 : 0o644,
      data: await readFile(path),
    })),
  );
}
