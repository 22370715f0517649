import type { TreeDirectory, TreeFile } from './build-tree';
import { recordDate, sectorSize, sectorsFor } from './bytes';
import type { TimeSlice } from './time-slice';
import { writeTerminator, writeVolumeDescriptor } from './volume-descriptor';
import {
  type Placement,
  pathTableSize,
  type VolumeDirectory,
  volumeDirectories,
  writeDirectory,
  writePathTable,
} from './volume-tree';

/** Everything about an image except file contents, computed before a byte is written. */
export interface IsoPlan {
  /** System area, volume descriptors, path tables and directories: the image up to the first file. */
  header: Buffer;
  /** Files in the order their data follows the header, each starting at `extent`. */
  files: { node: TreeFile; extent: number }[];
  /** Size of the image in sectors of 2048 bytes. */
  totalSectors: number;
}

/**
 * Lays out an image: ISO 9660 primary volume plus Joliet supplementary volume sharing file data.
 * Pauses between directories when `slice` says its time is up.
 */
export async function planIso(
  root: TreeDirectory,
  options: { volumeLabel: string; date: Date },
  slice: TimeSlice,
): Promise<IsoPlan> {
  const volumes = [
    await volumeDirectories(root, 'iso9660', slice),
    await volumeDirectories(root, 'joliet', slice),
  ];
  const { tables, placements, headerSectors, files, totalSectors } = await assignExtents(
    root,
    volumes,
    slice,
  );
  const header = Buffer.alloc(headerSectors * sectorSize);
  const date = recordDate(options.date);
  for (const [v, dirs] of volumes.entries()) {
    const placement = placements[v] as Placement;
    const table = tables[v] as { l: number; m: number; size: number };
    writeVolumeDescriptor(header, (16 + v) * sectorSize, {
      joliet: v === 1,
      volumeLabel: options.volumeLabel,
      totalSectors,
      pathTableSize: table.size,
      lPathTable: table.l,
      mPathTable: table.m,
      root: placement.get(root) ?? { extent: 0, size: 0 },
      date: options.date,
      recordDate: date,
    });
    writePathTable(header, table.l * sectorSize, dirs, placement, true);
    writePathTable(header, table.m * sectorSize, dirs, placement, false);
    for (const dir of dirs) {
      if (slice.due()) await slice.pause();
      writeDirectory(header, dir, dirs[dir.parent - 1] ?? dir, placement, date);
    }
  }
  writeTerminator(header, 18 * sectorSize);
  return { header, files, totalSectors };
}

/**
 * Sector map: 0–15 system area, 16 primary descriptor, 17 Joliet descriptor, 18 terminator, then the
 * L and M path tables of each volume, the directories of each volume, and the file data.
 */
async function assignExtents(root: TreeDirectory, volumes: readonly VolumeDirectory[][], slice: TimeSlice) {
  let cursor = 19;
  const tables = volumes.map((dirs) => {
    const size = pathTableSize(dirs);
    const at = { l: cursor, m: cursor + sectorsFor(size), size };
    cursor += 2 * sectorsFor(size);
    return at;
  });
  const placements = volumes.map((dirs) => {
    const placement: Placement = new Map();
    for (const dir of dirs) {
      placement.set(dir.node, { extent: cursor, size: dir.size });
      cursor += dir.size / sectorSize;
    }
    return placement;
  });
  const headerSectors = cursor;
  const files: IsoPlan['files'] = [];
  for (const node of filesInOrder(root)) {
    if (slice.due()) await slice.pause();
    const at = { extent: cursor, size: node.size }; // a file's data is shared by both volumes
    for (const placement of placements) placement.set(node, at);
    files.push({ node, extent: cursor });
    cursor += sectorsFor(node.size);
  }
  return { tables, placements, headerSectors, files, totalSectors: cursor };
}

function filesInOrder(dir: TreeDirectory, into: TreeFile[] = []): TreeFile[] {
  for (const child of dir.children) {
    if (child.kind === 'file') into.push(child);
    else filesInOrder(child, into);
  }
  return into;
}
