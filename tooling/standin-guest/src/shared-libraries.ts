import { lstat, readlink } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { execa } from 'execa';
import { StandinGuestError } from './errors.ts';

/** One line of `ldd` output that names a file: a library (`libz.so.1 => /path`) or the loader. */
export interface LddEntry {
  /** The name the binary asks for (`libz.so.1`), or the loader's absolute path. */
  name: string;
  /** Where it was found; `undefined` when ldd printed `not found`. */
  path: string | undefined;
}

/** Parses `ldd` output; the vDSO, which has no file, is left out. */
export function parseLdd(text: string): LddEntry[] {
  const entries: LddEntry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const arrow = line.match(/^(\S+) => (?:(\S+) \(0x[0-9a-f]+\)|not found)$/);
    if (arrow?.[1]) entries.push({ name: arrow[1], path: arrow[2] });
    else if (/^\/\S+ \(0x[0-9a-f]+\)$/.test(line)) {
      const loader = line.split(' ')[0] as string;
      entries.push({ name: loader, path: loader });
    }
  }
  return entries;
}

/** A file to place in the initramfs: its path there (relative) and the file to read it from. */
export interface PlacedFile {
  path: string;
  source: string;
}

/**
 * The shared libraries (and the loader) that `binaries` need, found with `ldd` in the unpacked
 * packages under `root` only: a library that resolves to the host's own files is an error, so the
 * guest never depends on what happens to be installed on the build machine.
 */
export async function sharedLibraries(root: string, binaries: readonly string[]): Promise<PlacedFile[]> {
  const libraryPath = ['lib', 'usr/lib'].flatMap((dir) => [join(root, dir), join(root, dir, multiarch())]);
  const result = await execa(
    'ldd',
    binaries.map((binary) => join(root, binary)),
    {
      env: { LD_LIBRARY_PATH: libraryPath.join(':') },
    },
  );
  const placed = new Map<string, PlacedFile>();
  for (const entry of parseLdd(result.stdout)) {
    const inRoot = entry.path?.startsWith(`${root}/`) ? relative(root, entry.path) : undefined;
    const path = entry.name.startsWith('/') ? entry.name.slice(1) : inRoot;
    if (!path) {
      throw new StandinGuestError(
        'library-not-found',
        `${entry.name} (needed by ${binaries.join(', ')}) is not in the unpacked packages (ldd: ${entry.path ?? 'not found'}); add its package to the guest's dependencies.`,
      );
    }
    placed.set(path, { path, source: await resolveInRoot(root, path) });
  }
  return [...placed.values()].sort((a, b) => a.path.localeCompare(b.path));
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

function multiarch(): string {
  return process.arch === 'arm64' ? 'aarch64-linux-gnu' : 'x86_64-linux-gnu';
}
