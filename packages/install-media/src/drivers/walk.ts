import { InstallMediaError } from '../errors';
import type { MediaFileSystem } from '../file-system';

/** Every file below `dir` (recursively), as paths relative to `dir`, sorted. */
export async function listFiles(fs: MediaFileSystem, dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await fs.readDirectory(dir)) {
    const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (!entry.isDirectory) files.push(entry.name);
    else for (const child of await listFiles(fs, path)) files.push(`${entry.name}/${child}`);
  }
  return files.sort();
}

/** Whether `path` is a directory on `fs`. */
export async function isDirectory(fs: MediaFileSystem, path: string): Promise<boolean> {
  try {
    await fs.readDirectory(path);
    return true;
  } catch (error) {
    if (InstallMediaError.isInstance(error)) return false;
    throw error;
  }
}
