import type { TreeDirectory, TreeNode } from './build-tree';
import { sectorSize, ucs2 } from './bytes';
import { layoutRecords, recordLength, writeRecord } from './directory-record';
import { compareIsoNames, deriveIsoNames, isoIdentifier } from './iso-names';

/** Which directory hierarchy: the ISO 9660 one (8.3 names) or the Joliet one (real names). */
export type Naming = 'iso9660' | 'joliet';

/** One directory of one volume, with its children in that volume's order. */
export interface VolumeDirectory {
  node: TreeDirectory;
  /** 1-based path table number of this directory and of its parent (the root is its own parent). */
  number: number;
  parent: number;
  identifier: Uint8Array;
  children: { node: TreeNode; identifier: Uint8Array }[];
  /** Record offsets inside the extent, and the extent's size in bytes (whole sectors). */
  offsets: number[];
  size: number;
}

/** The directories of one volume in path table order (breadth first, sorted within each parent). */
export function volumeDirectories(root: TreeDirectory, naming: Naming): VolumeDirectory[] {
  const result: VolumeDirectory[] = [];
  const queue: { node: TreeDirectory; parent: number; identifier: Uint8Array }[] = [
    { node: root, parent: 1, identifier: Uint8Array.of(0) },
  ];
  for (let i = 0; i < queue.length; i++) {
    const item = queue[i] as (typeof queue)[number];
    const children = naming === 'joliet' ? jolietChildren(item.node) : isoChildren(item.node);
    const { offsets, size } = layoutRecords([
      34,
      34,
      ...children.map((c) => recordLength(c.identifier.length)),
    ]);
    result.push({ ...item, number: i + 1, children, offsets, size });
    for (const child of children) {
      if (child.node.kind === 'directory')
        queue.push({ node: child.node, parent: i + 1, identifier: child.identifier });
    }
  }
  return result;
}

function jolietChildren(dir: TreeDirectory) {
  return dir.children.map((node) => ({ node, identifier: ucs2(node.name) as Uint8Array }));
}

function isoChildren(dir: TreeDirectory) {
  const names = deriveIsoNames(
    dir.children.map((c) => ({ name: c.name, isDirectory: c.kind === 'directory' })),
  );
  return dir.children
    .map((node, i) => ({ node, name: names[i] as (typeof names)[number] }))
    .sort((a, b) => compareIsoNames(a.name, b.name))
    .map(({ node, name }) => ({
      node,
      identifier: Buffer.from(isoIdentifier(name, node.kind === 'directory'), 'latin1') as Uint8Array,
    }));
}

/** Size in bytes of a path table (ECMA-119 9.4) for these directories. */
export function pathTableSize(dirs: readonly VolumeDirectory[]): number {
  return dirs.reduce((sum, d) => sum + 8 + d.identifier.length + (d.identifier.length % 2), 0);
}

/** Where each node's data lives in one volume: files are shared, directories differ per volume. */
/** The identifiers of a directory's "." and ".." records. */
const dot = Uint8Array.of(0);
const dotDot = Uint8Array.of(1);

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
    buf[at] = dir.identifier.length;
    const extent = placement.get(dir.node)?.extent ?? 0;
    if (littleEndian) {
      buf.writeUInt32LE(extent, at + 2);
      buf.writeUInt16LE(dir.parent, at + 6);
    } else {
      buf.writeUInt32BE(extent, at + 2);
      buf.writeUInt16BE(dir.parent, at + 6);
    }
    buf.set(dir.identifier, at + 8);
    at += 8 + dir.identifier.length + (dir.identifier.length % 2);
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
  const at = (node: TreeNode) => placement.get(node) ?? { extent: 0, size: 0 };
  const self = at(dir.node);
  const base = self.extent * sectorSize;
  const write = (i: number, node: TreeNode, identifier: Uint8Array) => {
    const { extent, size } = at(node);
    const isDirectory = node.kind === 'directory';
    writeRecord(buf, base + (dir.offsets[i] ?? 0), { extent, size, identifier, isDirectory }, date);
  };
  write(0, dir.node, dot);
  write(1, parent.node, dotDot);
  dir.children.forEach((c, i) => {
    write(i + 2, c.node, c.identifier);
  });
}
