import { access, lstat, readlink } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { execa } from 'execa';
import type { DebianArch } from './apt.ts';
import { StandinGuestError } from './errors.ts';

/** What an ELF file asks the dynamic loader for, from binutils' `readelf -lW -d` (any architecture). */
export interface ElfNeeds {
  /** The program interpreter's absolute path (`/lib/ld-linux-aarch64.so.1`); `undefined` for libraries. */
  interpreter: string | undefined;
  /** DT_NEEDED entries, e.g. `libz.so.1`. */
  needed: string[];
}

/** Parses `readelf -lW -d` output: the interpreter line and every `(NEEDED)` shared library. */
export function parseReadelf(text: string): ElfNeeds {
  const interpreter = text.match(/\[Requesting program interpreter: (\/[^\]]+)\]/)?.[1];
  const needed = [...text.matchAll(/\(NEEDED\)\s+Shared library: \[([^\]]+)\]/g)].map((m) => m[1] as string);
  return { interpreter, needed };
}

/** A file to place in the initramfs: its path there (relative) and the file to read it from. */
export interface PlacedFile {
  path: string;
  source: string;
}

const multiarch: Readonly<Record<DebianArch, string>> = {
  amd64: 'x86_64-linux-gnu',
  arm64: 'aarch64-linux-gnu',
};

/**
 * The shared libraries (and the loader) that `binaries` need, transitively, found in the unpacked
 * packages under `root` only, in the directories the guest's loader searches. Reading ELF headers
 * instead of running `ldd` works for a foreign architecture, and a library missing from the
 * packages is an error, so the guest never depends on what the build machine has installed.
 */
export async function sharedLibraries(
  root: string,
  binaries: readonly string[],
  arch: DebianArch,
): Promise<PlacedFile[]> {
  const dirs = ['lib', 'usr/lib'].flatMap((dir) => [join(dir, multiarch[arch]), dir]);
  const placed = new Map<string, PlacedFile>();
  const visited = new Set<string>();
  const queue = [...binaries];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (visited.has(file)) continue;
    visited.add(file);
    const result = await execa('readelf', ['-lW', '-d', await resolveInRoot(root, file)]);
    const { interpreter, needed } = parseReadelf(result.stdout);
    const found = interpreter ? [interpreter.slice(1)] : [];
    for (const name of needed) {
      const path = await firstExisting(root, dirs, name);
      if (!path) {
        throw new StandinGuestError(
          'library-not-found',
          `${name} (needed by ${file}) is not in the unpacked packages (looked in ${dirs.join(', ')}); add its package to the guest's dependencies.`,
        );
      }
      found.push(path);
    }
    for (const path of found) {
      placed.set(path, { path, source: await resolveInRoot(root, path) });
      queue.push(path);
    }
  }
  return [...placed.values()].sort((a, b) => a.path.localeCompare(b.path));
}

async function firstExisting(
  root: string,
  dirs: readonly string[],
  name: string,
): Promise<string | undefined> {
  for (const dir of dirs) {
    const path = join(dir, name);
    if (
      await access(join(root, path)).then(
        () => true,
        () => false,
      )
    )
      return path;
  }
  return undefined;
}

/** Follows symlinks inside `root` (absolute targets are read relative to it), returning a file path. */
export async function resolveInRoot(root: string, path: string, depth = 0): Promise<string> {
  const full = join(root, path);
  const info = await lstat(full);
  if (!info.isSymbolicLink() || depth > 16) return full;
  const target = await readlink(full);
  const next = isAbsolute(target) ? target.slice(1) : join(dirname(path), target);
  return resolveInRoot(root, next, depth + 1);
}
