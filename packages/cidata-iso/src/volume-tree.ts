import type { TreeDirectory, TreeNode } from './build-tree';
import { sectorSize } from './bytes';
import {
  type Identifier,
  identifierLength,
  layoutRecords,
  recordLength,
  writeIdentifier,
  writeRecordAt,
} from './directory-record';
import { deriveIsoNames, isoIdentifier, isoSortKey } from './iso-names';
import type { TimeSlice } from './time-slice';

/** Which directory hierarchy: the ISO 9660 one (8.3 names) or the Joliet one (real names). */
export type Naming = 'iso9660' | 'joliet';

/** One directory of one volume, with its children in that volume's order. */
export interface VolumeDirectory {
  node: TreeDirectory;
  /** 1-based path table number of this directory and of its parent (the root is its own parent). */
  number: number;
  parent: number;
  identifier: Identifier;
  /** Joliet: identifiers are UCS-2. */
  wide: boolean;
  children: { node: TreeNode; identifier: Identifier }[];
  /** Record offsets inside the extent, and the extent's size in bytes (whole sectors). */
  offsets: number[];
  size: number;
}

/**
 * The directories of one volume in path table order (breadth first, sorted within each parent);
 * pauses between directories when `slice` says its time is up.
 */
export async function volumeDirectories(
  root: TreeDirectory,
  naming: Naming,
  slice: TimeSlice,
): Promise<VolumeDirectory[]> {
  const wide = naming === 'joliet';
  const result: VolumeDirectory[] = [];
  const queue: { node: TreeDirectory; parent: number; identifier: Identifier }[] = [
    { node: root, parent: 1, identifier: 0 },
  ];
  for (let i = 0; i < queue.length; i++) {
    if (slice.due()) await slice.pause();
    const item = queue[i] as (typeof queue)[number];
    const children = wide ? jolietChildren(item.node) : isoChildren(item.node);
    const lengths = [34, 34];
    for (const child of children) lengths.push(recordLength(identifierLength(child.identifier, wide)));
    const { offsets, size } = layoutRecords(lengths);
    result.push({ ...item, number: i + 1, wide, children, offsets, size });
    for (const child of children) {
      if (child.node.kind === 'directory')
        queue.push({ node: child.node, parent: i + 1, identifier: child.identifier });
    }
  }
  return result;
}

function jolietChildren(dir: TreeDirectory) {
  return dir.children.map((node) => ({ node, identifier: node.name }));
}

function isoChildren(dir: TreeDirectory) {
  const names = deriveIsoNames(
    dir.children.map((c) => ({ name: c.name, isDirectory: c.kind === 'directory' })),
  );
  return dir.children
    .map((node, i) => {
      const name = names[i] as (typeof names)[number];
      return { node, key: isoSortKey(name), identifier: isoIdentifier(name, node.kind === 'directory') };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ node, identifier }) => ({ node, identifier }));
}

/** Size in bytes of a path table (ECMA-119 9.4) for these directories. */
export function pathTableSize(dirs: readonly VolumeDirectory[]): number {
  return dirs.reduce((sum, d) => {
    const length = identifierLength(d.identifier, d.wide);
    return sum + 8 + length + (length % 2);
  }, 0);
}

export type Placement = Map<TreeNode, { extent: number; size: number }>;

/** Encodes a path table; `littleEndian` selects the L table, otherwise the M table. */
export function writePathTable(
  buf: Buffer,
  offset: number,
  dirs: readonly VolumeDirectory[],
  placement: Placement,
  littleEndian: boolean,
): void {
  let at = offset;
  for (const dir of dirs) {
    const length = identifierLength(dir.identifier, dir.wide);
    buf[at] = length;
    const extent = placement.get(dir.node)?.extent ?? 0;
    if (littleEndian) {
      buf.writeUInt32LE(extent, at + 2);
      buf.writeUInt16LE(dir.parent, at + 6);
    } else {
      buf.writeUInt32BE(extent, at + 2);
      buf.writeUInt16BE(dir.parent, at + 6);
    }
    writeIdentifier(buf, at + 8, dir.identifier, dir.wide);
    at += 8 + length + (length % 2);
  }
}

/** Encodes one directory's extent: `.`, `..`, then its children. */
export function writeDirectory(
  buf: Buffer,
  dir: VolumeDirectory,
  parent: VolumeDirectory,
  placement: Placement,
  date: Buffer,
): void {
  const self = placement.get(dir.node) ?? { extent: 0, size: 0 };
  const base = self.extent * sectorSize;
  const up = placement.get(parent.node) ?? { extent: 0, size: 0 };
  writeRecordAt(buf, base + (dir.offsets[0] ?? 0), self.extent, self.size, true, 0, dir.wide, date);
  writeRecordAt(buf, base + (dir.offsets[1] ?? 0), up.extent, up.size, true, 1, dir.wide, date);
  for (let i = 0; i < dir.children.length; i++) {
    const { node, identifier } = dir.children[i] as VolumeDirectory['children'][number];
    const { extent, size } = placement.get(node) ?? { extent: 0, size: 0 };
    const offset = base + (dir.offsets[i + 2] ?? 0);
    writeRecordAt(buf, offset, extent, size, node.kind === 'directory', identifier, dir.wide, date);
  }
}
