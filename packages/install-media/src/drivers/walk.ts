import { FileSystemError, InstallMediaError } from '../errors';
import type { MediaFileSystem } from '../file-system';

/** Deepest nesting and most entries {@link listFiles} walks: far beyond any driver tree. */
const listLimits = { depth: 32, entries: 100_000 };

/**
 * Every file below `dir` (recursively), as paths relative to `dir`, sorted. A crafted image whose
 * directories contain themselves would never end, so the walk stops with `corrupt-filesystem` past
 * {@link listLimits}.
 */
export async function listFiles(fs: MediaFileSystem, dir: string): Promise<string[]> {
  let entries = 0;
  const walk = async (path: string, depth: number): Promise<string[]> => {
    if (depth > listLimits.depth) throw tooBig(dir, `nests deeper than ${listLimits.depth} levels`);
    const files: string[] = [];
    for (const entry of await fs.readDirectory(path)) {
      if (++entries > listLimits.entries) throw tooBig(dir, `holds more than ${listLimits.entries} entries`);
      const child = path === '' ? entry.name : `${path}/${entry.name}`;
      if (!entry.isDirectory) files.push(entry.name);
      else for (const file of await walk(child, depth + 1)) files.push(`${entry.name}/${file}`);
    }
    return files;
  };
  return (await walk(dir, 0)).sort();
}

function tooBig(dir: string, why: string): FileSystemError {
  return new FileSystemError(
    'corrupt-filesystem',
    `${JSON.stringify(dir || '/')} ${why}; the image is damaged (a directory that contains itself?).`,
  );
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
