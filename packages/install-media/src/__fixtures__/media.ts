import { join } from 'node:path';
import { openFileSource } from '../byte-source';
import type { MediaFileSystem } from '../file-system';
import { openMediaFileSystem } from '../open-media-file-system';
import type { SevenZipEntry } from './reference';
import { run, writeTree } from './tools';

/** Writes `files` under `dir/root` and makes an image of it with genisoimage (`-udf`, `-J` as asked). */
export function genisoimage(
  dir: string,
  name: string,
  files: Record<string, string | Uint8Array>,
  options: { udf?: boolean; joliet?: boolean; label?: string },
): string {
  const root = join(dir, `${name}-root`);
  writeTree(root, files);
  const image = join(dir, name);
  const args = [
    '-quiet',
    '-D',
    '-o',
    image,
    '-V',
    options.label ?? 'CCCOMA_X64FRE_EN-US_DV9',
    '-input-charset',
    'utf-8',
  ];
  if (options.udf) args.push('-udf');
  if (options.joliet) args.push('-J', '-joliet-long');
  run('genisoimage', [...args, root]);
  return image;
}

/** Every entry under `dir` of a file system, recursively, sorted by path like {@link SevenZipEntry}. */
export async function walk(fs: MediaFileSystem, dir = ''): Promise<SevenZipEntry[]> {
  const out: SevenZipEntry[] = [];
  for (const entry of await fs.readDirectory(dir)) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    out.push({ path, isDirectory: entry.isDirectory, size: entry.size });
    if (entry.isDirectory) out.push(...(await walk(fs, path)));
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** Opens an image file, runs `use` on its file system, and closes it. */
export async function withImage<T>(image: string, use: (fs: MediaFileSystem) => Promise<T>): Promise<T> {
  const source = await openFileSource(image);
  try {
    return await use(await openMediaFileSystem(source));
  } finally {
    await source.close();
  }
}

/** Reads a whole file from a file system as text (test files are small). */
export async function readText(fs: MediaFileSystem, path: string): Promise<string | undefined> {
  const file = await fs.openFile(path);
  return file && Buffer.from(await file.read(0, file.size)).toString('utf8');
}
