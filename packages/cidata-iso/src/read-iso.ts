import { type FileHandle, open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { sectorSize } from './bytes';
import { describe, EntryNotFoundError, NotAnIsoError } from './errors';
import { parseRecordPosition } from './read-directory';
import { readExtents } from './read-extents';
import { readExactly, readTree } from './read-tree';

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
 * anything that is not an ISO 9660 image and `CorruptIsoError` (naming the byte offset and field) when
 * a record claims bytes the file does not have, as in a truncated or crafted image.
 */
export async function readIso(path: string): Promise<IsoImage> {
  const handle = await open(path, 'r').catch((error: unknown) => {
    throw new NotAnIsoError(path, `cannot open it (${describe(error)})`);
  });
  try {
    const { size } = await handle.stat();
    const volume = await findVolume(handle, path);
    const entries = await readTree(handle, path, size, volume.root, volume.joliet);
    return image(path, volume.label, volume.joliet, entries);
  } finally {
    await handle.close();
  }
}

async function findVolume(handle: FileHandle, path: string) {
  let primary: { vd: Buffer; at: number } | undefined;
  let joliet: { vd: Buffer; at: number } | undefined;
  for (let sector = 16; sector < 16 + 64; sector++) {
    const at = sector * sectorSize;
    const vd = await readExactly(handle, at, sectorSize);
    if (vd.length < sectorSize || vd.toString('latin1', 1, 6) !== 'CD001') break;
    if (vd[0] === 255) break;
    if (vd[0] === 1) primary ??= { vd, at };
    if (vd[0] === 2 && /^%\/[@CE]$/.test(vd.toString('latin1', 88, 91))) joliet ??= { vd, at };
  }
  const chosen = joliet ?? primary;
  if (!chosen) throw new NotAnIsoError(path, 'no ISO 9660 primary volume descriptor at sector 16');
  const label = joliet
    ? Buffer.from(joliet.vd.subarray(40, 72)).swap16().toString('utf16le').trimEnd()
    : chosen.vd.toString('latin1', 40, 72).trimEnd();
  const root = { ...parseRecordPosition(chosen.vd, 156), at: chosen.at + 156 };
  return { joliet: joliet !== undefined, label, root };
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
    createReadStream: (entryPath) => Readable.from(readExtents(path, fileAt(entryPath))),
    readFile: async (entryPath) => {
      const chunks: Buffer[] = [];
      for await (const chunk of readExtents(path, fileAt(entryPath))) chunks.push(chunk);
      return Buffer.concat(chunks);
    },
  };
}
