import type { FileHandle } from 'node:fs/promises';
import { sectorSize } from './bytes';
import { CorruptIsoError } from './errors';
import { type DirectoryRecord, parseDirectory } from './read-directory';

/** The largest directory extent `readIso` reads (a real one with 65,535 entries is under 16 MiB). */
export const maxDirectoryBytes = 32 * 1024 * 1024;

/** A file or directory in an image, as `readIso` lists it. */
export interface TreeEntry {
  path: string;
  type: 'file' | 'directory';
  size: number;
  extents: { extent: number; size: number }[];
}

interface Directory {
  extent: number;
  size: number;
  at: number;
  path: string;
}

/**
 * Walks the directory tree from the root record at byte `rootAt`. Every extent is checked against
 * the image's real size before anything is read or allocated, each directory is read once, and the
 * directories together may not claim more bytes than the image has, so time and memory stay linear
 * in the image whatever its records say.
 */
export async function readTree(
  handle: FileHandle,
  isoPath: string,
  imageSize: number,
  root: { extent: number; size: number; at: number },
  joliet: boolean,
): Promise<TreeEntry[]> {
  const damaged = (at: number, field: string, why: string): never => {
    throw new CorruptIsoError(isoPath, at, field, why);
  };
  const entries: TreeEntry[] = [];
  const seen = new Set<number>();
  let directoryBytes = 0;
  const visit = async (dir: Directory): Promise<void> => {
    const name = dir.path === '' ? 'the root directory' : `the directory ${JSON.stringify(dir.path)}`;
    if (dir.size > maxDirectoryBytes) {
      damaged(
        dir.at,
        'directory size',
        `${name} claims ${dir.size} bytes; directories over ${maxDirectoryBytes} bytes are refused`,
      );
    }
    checkInside(imageSize, dir, name, damaged);
    if (seen.has(dir.extent))
      damaged(dir.at, 'extent', `${name} at sector ${dir.extent} loops back to a directory already read`);
    seen.add(dir.extent);
    directoryBytes += dir.size;
    if (directoryBytes > imageSize) {
      damaged(
        dir.at,
        'directory size',
        `${name} overlaps others: the directories claim more bytes than the image has`,
      );
    }
    const start = dir.extent * sectorSize;
    const records = parseDirectory(await readExactly(handle, start, dir.size), joliet, start, damaged);
    const prefix = dir.path === '' ? '' : `${dir.path}/`;
    for (const { entry, first } of mergeExtents(records, prefix)) {
      entries.push(entry);
      if (entry.type === 'directory') await visit({ ...first, path: entry.path });
      else
        for (const part of entry.extents)
          checkInside(
            imageSize,
            { ...part, at: first.at },
            `the file ${JSON.stringify(entry.path)}`,
            damaged,
          );
    }
  };
  await visit({ ...root, path: '' });
  return entries;
}

function checkInside(
  imageSize: number,
  part: { extent: number; size: number; at: number },
  name: string,
  damaged: (at: number, field: string, why: string) => never,
): void {
  const end = part.extent * sectorSize + part.size;
  if (part.size > 0 && end > imageSize) {
    damaged(
      part.at,
      'extent',
      `${name} at sector ${part.extent}, ${part.size} bytes, ends at byte ${end}, beyond the end of the image (${imageSize} bytes); the image is truncated or the record is wrong`,
    );
  }
}

export async function readExactly(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buf, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return buf.subarray(0, done);
}

function mergeExtents(records: DirectoryRecord[], prefix: string) {
  const merged: { entry: TreeEntry; first: DirectoryRecord }[] = [];
  let pending: { entry: TreeEntry; first: DirectoryRecord } | undefined;
  for (const record of records) {
    const part = { extent: record.extent, size: record.size };
    pending ??= {
      entry: {
        path: prefix + record.name,
        type: record.isDirectory ? 'directory' : 'file',
        size: 0,
        extents: [],
      },
      first: record,
    };
    pending.entry.size += record.size;
    pending.entry.extents.push(part);
    if (!record.continues) {
      merged.push(pending);
      pending = undefined;
    }
  }
  return merged;
}
