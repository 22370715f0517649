import { type FileHandle, open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { sectorSize } from './bytes';
import { describe, EntryNotFoundError, NotAnIsoError } from './errors';
import { type DirectoryRecord, parseDirectory, parseRecordPosition } from './read-directory';
import { readExtents } from './read-extents';

/** A file or directory in an image. */
export interface IsoImageEntry {
  /** Path from the root, `/`-separated, without a leading `/` (`drivers/viostor.inf`). */
  path: string;
  type: 'file' | 'directory';
  /** Size in bytes (for directories, the size of their directory extent). */
  size: number;
  /** Where the data lives, in sectors of 2048 bytes (several for multi-extent files). */
  extents: readonly { extent: number; size: number }[];
}

/** An image opened by `readIso`. */
export interface IsoImage {
  /** Host path of the image. */
  path: string;
  /** The volume label (Joliet's when present). */
  volumeLabel: string;
  /** True when names come from a Joliet volume; false means ISO 9660 names without `;1`. */
  joliet: boolean;
  /** Every file and directory, depth first, in the order the image records them. */
  entries: readonly IsoImageEntry[];
  /** Streams a file's bytes; throws `EntryNotFoundError` for a path that is not a file. */
  createReadStream(entryPath: string): Readable;
  /** Reads a whole file into memory. */
  readFile(entryPath: string): Promise<Buffer>;
}

/**
 * Opens an ISO 9660 image and lists its entries, preferring Joliet names. Reads only volume
 * descriptors and directories; file contents are read when asked for. Throws `NotAnIsoError` for
 * anything that is not a readable ISO 9660 image.
 */
export async function readIso(path: string): Promise<IsoImage> {
  const handle = await open(path, 'r').catch((error: unknown) => {
    throw new NotAnIsoError(path, `cannot open it (${describe(error)})`);
  });
  try {
    const volume = await findVolume(handle, path);
    const entries = await walk(handle, path, volume.root, volume.joliet);
    return image(path, volume.label, volume.joliet, entries);
  } finally {
    await handle.close();
  }
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buf, 0, length, position);
  return bytesRead === length ? buf : buf.subarray(0, bytesRead);
}

async function findVolume(handle: FileHandle, path: string) {
  let primary: Buffer | undefined;
  let joliet: Buffer | undefined;
  for (let sector = 16; sector < 16 + 64; sector++) {
    const vd = await readAt(handle, sector * sectorSize, sectorSize);
    if (vd.length < sectorSize || vd.toString('latin1', 1, 6) !== 'CD001') break;
    if (vd[0] === 255) break;
    if (vd[0] === 1) primary ??= vd;
    if (vd[0] === 2 && /^%\/[@CE]$/.test(vd.toString('latin1', 88, 91))) joliet ??= vd;
  }
  const chosen = joliet ?? primary;
  if (!chosen) throw new NotAnIsoError(path, 'no ISO 9660 primary volume descriptor at sector 16');
  const label = joliet
    ? Buffer.from(joliet.subarray(40, 72)).swap16().toString('utf16le').trimEnd()
    : chosen.toString('latin1', 40, 72).trimEnd();
  return { joliet: joliet !== undefined, label, root: parseRecordPosition(chosen, 156) };
}

async function walk(
  handle: FileHandle,
  path: string,
  root: { extent: number; size: number },
  joliet: boolean,
): Promise<IsoImageEntry[]> {
  const entries: IsoImageEntry[] = [];
  const seen = new Set<number>();
  const visit = async (dir: { extent: number; size: number }, prefix: string): Promise<void> => {
    if (seen.has(dir.extent)) throw new NotAnIsoError(path, `directory at sector ${dir.extent} loops`);
    seen.add(dir.extent);
    const records = parseDirectory(await readAt(handle, dir.extent * sectorSize, dir.size), joliet);
    if (!records) throw new NotAnIsoError(path, `damaged directory at sector ${dir.extent}`);
    for (const entry of mergeExtents(records, prefix)) {
      entries.push(entry);
      if (entry.type === 'directory') await visit(entry.extents[0] ?? dir, `${entry.path}/`);
    }
  };
  await visit(root, '');
  return entries;
}

function mergeExtents(records: DirectoryRecord[], prefix: string): IsoImageEntry[] {
  const merged: IsoImageEntry[] = [];
  let pending: IsoImageEntry | undefined;
  for (const record of records) {
    const part = { extent: record.extent, size: record.size };
    const entry: IsoImageEntry = pending ?? {
      path: prefix + record.name,
      type: record.isDirectory ? 'directory' : 'file',
      size: 0,
      extents: [],
    };
    entry.size += record.size;
    (entry.extents as { extent: number; size: number }[]).push(part);
    pending = record.continues ? entry : undefined;
    if (!pending) merged.push(entry);
  }
  return merged;
}

function image(path: string, volumeLabel: string, joliet: boolean, entries: IsoImageEntry[]): IsoImage {
  const byPath = new Map(entries.map((e) => [e.path, e]));
  const fileAt = (entryPath: string): IsoImageEntry => {
    const entry = byPath.get(entryPath.replace(/^\/+/, ''));
    if (entry?.type !== 'file') throw new EntryNotFoundError(path, entryPath);
    return entry;
  };
  return {
    path,
    volumeLabel,
    joliet,
    entries,
    createReadStream: (entryPath) => Readable.from(readExtents(path, fileAt(entryPath).extents)),
    readFile: async (entryPath) => {
      const chunks: Buffer[] = [];
      for await (const chunk of readExtents(path, fileAt(entryPath).extents)) chunks.push(chunk);
      return Buffer.concat(chunks);
    },
  };
}
