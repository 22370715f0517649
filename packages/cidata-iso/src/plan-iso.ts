import type { TreeDirectory, TreeFile, TreeNode } from './build-tree';
import { recordDate, sectorSize, sectorsFor } from './bytes';
import { writeTerminator, writeVolumeDescriptor } from './volume-descriptor';
import {
  type Placement,
  pathTableSize,
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

/** Lays out an image: ISO 9660 primary volume plus Joliet supplementary volume sharing file data. */
export function planIso(root: TreeDirectory, options: { volumeLabel: string; date: Date }): IsoPlan {
  const volumes = [volumeDirectories(root, 'iso9660'), volumeDirectories(root, 'joliet')] as const;
  const tableSizes = volumes.map(pathTableSize);
  let cursor = 19;
  const tables = tableSizes.map((size) => {
    const at = { l: cursor, m: cursor + sectorsFor(size) };
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
  const files = filesInOrder(root).map((node) => {
    const extent = cursor;
    cursor += sectorsFor(node.size);
    for (const placement of placements) placement.set(node, { extent, size: node.size });
    return { node, extent };
  });
  const header = Buffer.alloc(headerSectors * sectorSize);
  const date = recordDate(options.date);
  volumes.forEach((dirs, v) => {
    const placement = placements[v] as Placement;
    const table = tables[v] as { l: number; m: number };
    writeVolumeDescriptor(header, (16 + v) * sectorSize, {
      joliet: v === 1,
      volumeLabel: options.volumeLabel,
      totalSectors: cursor,
      pathTableSize: tableSizes[v] ?? 0,
      lPathTable: table.l,
      mPathTable: table.m,
      root: placement.get(root) ?? { extent: 0, size: 0 },
      date: options.date,
      recordDate: date,
    });
    writePathTable(header, table.l * sectorSize, dirs, placement, true);
    writePathTable(header, table.m * sectorSize, dirs, placement, false);
    for (const dir of dirs) writeDirectory(header, dir, dirs[dir.parent - 1] ?? dir, placement, date);
  });
  writeTerminator(header, 18 * sectorSize);
  return { header, files, totalSectors: cursor };
}

function filesInOrder(dir: TreeDirectory): TreeFile[] {
  return dir.children.flatMap((child: TreeNode) => (child.kind === 'file' ? [child] : filesInOrder(child)));
}
