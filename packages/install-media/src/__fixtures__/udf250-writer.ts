/**
 * A minimal UDF 2.50 image writer for tests: a physical partition plus a metadata partition (UDF
 * 2.50 2.2.10) holding the file set, directories and file entries (file data in the physical
 * partition). No host tool here can populate such an image, so this writer makes one and the tests
 * check it with udfinfo and libudfread before trusting it as a fixture.
 */
import { crc16 } from '../udf/_tag';

const bs = 2048;
const partitionStart = 272;
const revision = 0x0250;

interface Dir {
  files: Map<string, Uint8Array>;
  dirs: Map<string, Dir>;
  icb: number;
}

class Image {
  readonly sectors = new Map<number, Uint8Array>();
  block(sector: number): Uint8Array {
    const existing = this.sectors.get(sector);
    if (existing) return existing;
    const b = new Uint8Array(bs);
    this.sectors.set(sector, b);
    return b;
  }
}

function put16(b: Uint8Array, at: number, v: number) {
  b[at] = v & 0xff;
  b[at + 1] = (v >> 8) & 0xff;
}
function put32(b: Uint8Array, at: number, v: number) {
  put16(b, at, v & 0xffff);
  put16(b, at + 2, Math.floor(v / 0x10000) & 0xffff);
}
function put64(b: Uint8Array, at: number, v: number) {
  put32(b, at, v % 0x1_0000_0000);
  put32(b, at + 4, Math.floor(v / 0x1_0000_0000));
}
function ascii(b: Uint8Array, at: number, text: string) {
  for (let i = 0; i < text.length; i++) b[at + i] = text.charCodeAt(i);
}
function regid(b: Uint8Array, at: number, id: string, suffixRevision?: number) {
  ascii(b, at + 1, id);
  if (suffixRevision !== undefined) put16(b, at + 24, suffixRevision);
}
function cs0(text: string): Uint8Array {
  const wide = [...text].some((c) => c.charCodeAt(0) > 0xff);
  const out = new Uint8Array(1 + text.length * (wide ? 2 : 1));
  out[0] = wide ? 16 : 8;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (wide) out.set([c >> 8, c & 0xff], 1 + 2 * i);
    else out[1 + i] = c;
  }
  return out;
}
function dstring(b: Uint8Array, at: number, length: number, text: string) {
  const encoded = cs0(text);
  b.set(encoded, at);
  b[at + length - 1] = encoded.length;
}
function charspec(b: Uint8Array, at: number) {
  ascii(b, at + 1, 'OSTA Compressed Unicode');
}
function timestamp(b: Uint8Array, at: number) {
  b.set([0x00, 0x10, 0xe8, 0x07, 1, 1, 12], at);
}
function tag(b: Uint8Array, id: number, location: number, length: number) {
  put16(b, 0, id);
  put16(b, 2, 3);
  put16(b, 6, 1);
  put16(b, 10, length - 16);
  put16(b, 8, crc16(b.subarray(16, length)));
  put32(b, 12, location);
  let sum = 0;
  for (let i = 0; i < 16; i++) if (i !== 4) sum += b[i] ?? 0;
  b[4] = sum & 0xff;
}

function buildTree(files: Record<string, Uint8Array>): Dir {
  const root: Dir = { files: new Map(), dirs: new Map(), icb: 0 };
  for (const [path, content] of Object.entries(files)) {
    const parts = path.split('/');
    const name = parts.pop() as string;
    let dir = root;
    for (const part of parts) {
      if (!dir.dirs.has(part)) dir.dirs.set(part, { files: new Map(), dirs: new Map(), icb: 0 });
      dir = dir.dirs.get(part) as Dir;
    }
    dir.files.set(name, content);
  }
  return root;
}

function fid(
  name: string | undefined,
  isDir: boolean,
  icb: number,
  partitionRef: number,
  location: number,
): Uint8Array {
  const encoded = name === undefined ? new Uint8Array(0) : cs0(name);
  const b = new Uint8Array((38 + encoded.length + 3) & ~3);
  put16(b, 16, 1);
  b[18] = (isDir ? 2 : 0) | (name === undefined ? 8 : 0);
  b[19] = encoded.length;
  put32(b, 20, bs);
  put32(b, 24, icb);
  put16(b, 28, partitionRef);
  b.set(encoded, 38);
  tag(b, 257, location, b.length);
  return b;
}

interface EntryOptions {
  fileType: number;
  size: number;
  /** short (same partition) or long (partition ref) allocation descriptors: [block, bytes, ref?]. */
  extents: [number, number, number?][];
  long: boolean;
  links: number;
}

function efe(b: Uint8Array, location: number, o: EntryOptions, unique: number) {
  put16(b, 20, 4);
  put16(b, 24, 1);
  b[27] = o.fileType;
  put16(b, 34, o.long ? 1 : 0);
  put32(b, 36, 0xffffffff);
  put32(b, 40, 0xffffffff);
  put32(b, 44, o.fileType === 4 ? 0x14a5 : 0x1084);
  put16(b, 48, o.links);
  put64(b, 56, o.size);
  put64(b, 64, o.size);
  put64(
    b,
    72,
    o.extents.reduce((n, [, bytes]) => n + Math.ceil(bytes / bs), 0),
  );
  for (const at of [80, 92, 104, 116]) timestamp(b, at);
  put32(b, 128, 1);
  regid(b, 168, '*winguest test');
  put64(b, 200, unique);
  const step = o.long ? 16 : 8;
  o.extents.forEach(([block, bytes, ref], i) => {
    put32(b, 216 + i * step, bytes);
    put32(b, 216 + i * step + 4, block);
    if (o.long) put16(b, 216 + i * step + 8, ref ?? 0);
  });
  put32(b, 212, o.extents.length * step);
  tag(b, 266, location, 216 + o.extents.length * step);
}

interface Layout {
  dirs: { dir: Dir; fids: Uint8Array[]; dataBlock: number; parent: Dir }[];
  fileIcbs: Map<Dir, Map<string, number>>;
  metaBlocks: number;
}

function plan(root: Dir): Layout {
  const layout: Layout = { dirs: [], fileIcbs: new Map(), metaBlocks: 1 };
  const visit = (dir: Dir, parent: Dir) => {
    dir.icb = layout.metaBlocks++;
    layout.fileIcbs.set(dir, new Map([...dir.files.keys()].map((name) => [name, layout.metaBlocks++])));
    const entry = { dir, fids: [] as Uint8Array[], dataBlock: 0, parent };
    layout.dirs.push(entry);
    for (const child of dir.dirs.values()) visit(child, dir);
    const names = [undefined, ...dir.dirs.keys(), ...dir.files.keys()];
    const bytes = names.reduce(
      (n, name) => n + ((38 + (name === undefined ? 0 : cs0(name).length) + 3) & ~3),
      0,
    );
    entry.dataBlock = layout.metaBlocks;
    layout.metaBlocks += Math.ceil(bytes / bs);
  };
  visit(root, root);
  return layout;
}

/**
 * Writes `files` (path → bytes) as a UDF 2.50 image with a metadata partition. `splitMetadata`
 * records the metadata file as two extents with a gap between them.
 */
export function writeUdf250(
  files: Record<string, Uint8Array>,
  label: string,
  options: { splitMetadata?: boolean } = {},
): Uint8Array {
  const image = new Image();
  const root = buildTree(files);
  const layout = plan(root);
  const half = options.splitMetadata ? Math.ceil(layout.metaBlocks / 2) : layout.metaBlocks;
  const physicalOf = (meta: number) => (meta < half ? 2 + meta : 3 + meta);
  const metaSector = (meta: number) => partitionStart + physicalOf(meta);
  let nextData = 3 + layout.metaBlocks;
  let unique = 16;
  for (const { dir, dataBlock, parent } of layout.dirs) {
    const fids: Uint8Array[] = [];
    let offset = 0;
    const add = (name: string | undefined, isDir: boolean, icb: number) => {
      const f = fid(name, isDir, icb, 1, dataBlock + Math.floor(offset / bs));
      fids.push(f);
      offset += f.length;
    };
    add(undefined, true, parent.icb);
    for (const [name, child] of dir.dirs) add(name, true, child.icb);
    for (const [name, content] of dir.files) {
      const icb = layout.fileIcbs.get(dir)?.get(name) as number;
      add(name, false, icb);
      const extents: EntryOptions['extents'] = content.length ? [[nextData, content.length, 0]] : [];
      efe(
        image.block(metaSector(icb)),
        icb,
        { fileType: 5, size: content.length, extents, long: true, links: 1 },
        unique++,
      );
      for (let i = 0; i * bs < content.length; i++)
        image.block(partitionStart + nextData++).set(content.subarray(i * bs, (i + 1) * bs));
    }
    const data = new Uint8Array(Math.ceil(offset / bs) * bs);
    let at = 0;
    for (const f of fids) {
      data.set(f, at);
      at += f.length;
    }
    for (let i = 0; i * bs < data.length; i++)
      image.block(metaSector(dataBlock + i)).set(data.subarray(i * bs, (i + 1) * bs));
    const dirExtents: EntryOptions['extents'] = [[dataBlock, offset]];
    efe(
      image.block(metaSector(dir.icb)),
      dir.icb,
      { fileType: 4, size: offset, extents: dirExtents, long: false, links: 1 + dir.dirs.size },
      dir === root ? 0 : unique++,
    );
  }
  const metaExtents: EntryOptions['extents'] = [[2, half * bs]];
  if (half < layout.metaBlocks) metaExtents.push([3 + half, (layout.metaBlocks - half) * bs]);
  efe(
    image.block(partitionStart),
    0,
    { fileType: 250, size: layout.metaBlocks * bs, extents: metaExtents, long: false, links: 1 },
    0,
  );
  efe(
    image.block(partitionStart + 1),
    1,
    { fileType: 251, size: layout.metaBlocks * bs, extents: metaExtents, long: false, links: 1 },
    0,
  );
  fileSet(image.block(metaSector(0)), label, root.icb);
  const partitionLength = nextData + 16;
  volumeDescriptors(image, label, partitionLength, layout.metaBlocks);
  const total = partitionStart + partitionLength + 1;
  anchor(image.block(256), 256);
  anchor(image.block(total - 1), total - 1);
  const out = new Uint8Array(total * bs);
  for (const [sector, bytes] of image.sectors) out.set(bytes, sector * bs);
  return out;
}

function fileSet(b: Uint8Array, label: string, rootIcb: number) {
  timestamp(b, 16);
  put16(b, 28, 3);
  put16(b, 30, 3);
  put32(b, 32, 1);
  put32(b, 36, 1);
  charspec(b, 48);
  dstring(b, 112, 128, label);
  charspec(b, 240);
  dstring(b, 304, 32, label);
  put32(b, 400, bs);
  put32(b, 404, rootIcb);
  put16(b, 408, 1);
  regid(b, 416, '*OSTA UDF Compliant', revision);
  tag(b, 256, 0, 512);
}

function anchor(b: Uint8Array, location: number) {
  put32(b, 16, 16 * bs);
  put32(b, 20, 32);
  put32(b, 24, 16 * bs);
  put32(b, 28, 48);
  tag(b, 2, location, 512);
}

function volumeDescriptors(image: Image, label: string, partitionLength: number, metaBlocks: number) {
  image.block(16).set([0, ...[...'BEA01'].map((c) => c.charCodeAt(0)), 1]);
  image.block(17).set([0, ...[...'NSR03'].map((c) => c.charCodeAt(0)), 1]);
  image.block(18).set([0, ...[...'TEA01'].map((c) => c.charCodeAt(0)), 1]);
  for (const start of [32, 48]) {
    const pvd = image.block(start);
    dstring(pvd, 24, 32, label);
    put16(pvd, 56, 1);
    put16(pvd, 58, 1);
    put16(pvd, 60, 2);
    put16(pvd, 62, 2);
    put32(pvd, 64, 1);
    put32(pvd, 68, 1);
    dstring(pvd, 72, 128, '0123456789abcdef');
    charspec(pvd, 200);
    charspec(pvd, 264);
    timestamp(pvd, 376);
    regid(pvd, 388, '*winguest test');
    tag(pvd, 1, start, 512);
    const pd = image.block(start + 1);
    put32(pd, 16, 1);
    put16(pd, 20, 1);
    regid(pd, 24, '+NSR03');
    put32(pd, 184, 1);
    put32(pd, 188, partitionStart);
    put32(pd, 192, partitionLength);
    regid(pd, 196, '*winguest test');
    tag(pd, 5, start + 1, 512);
    logicalVolume(image.block(start + 2), label, start + 2);
    tag(image.block(start + 3), 8, start + 3, 512);
  }
  const lvid = image.block(64);
  timestamp(lvid, 16);
  put32(lvid, 28, 1);
  put64(lvid, 40, 16 + metaBlocks);
  put32(lvid, 72, 2);
  put32(lvid, 76, 46);
  put32(lvid, 88, partitionLength);
  put32(lvid, 92, partitionLength);
  regid(lvid, 96, '*winguest test');
  put16(lvid, 136, revision);
  put16(lvid, 138, revision);
  put16(lvid, 140, revision);
  tag(lvid, 9, 64, 142);
  tag(image.block(65), 8, 65, 512);
}

function logicalVolume(b: Uint8Array, label: string, location: number) {
  put32(b, 16, 2);
  charspec(b, 20);
  dstring(b, 84, 128, label);
  put32(b, 212, bs);
  regid(b, 216, '*OSTA UDF Compliant', revision);
  put32(b, 248, bs);
  put32(b, 252, 0);
  put16(b, 256, 1);
  put32(b, 264, 6 + 64);
  put32(b, 268, 2);
  regid(b, 272, '*winguest test');
  put32(b, 432, 2 * bs);
  put32(b, 436, 64);
  b.set([1, 6, 1, 0, 0, 0], 440);
  const map = b.subarray(446, 510);
  map.set([2, 64]);
  regid(map, 4, '*UDF Metadata Partition', revision);
  put16(map, 36, 1);
  put16(map, 38, 0);
  put32(map, 40, 0);
  put32(map, 44, 1);
  put32(map, 48, 0xffffffff);
  put32(map, 52, 32);
  put16(map, 56, 1);
  tag(b, 6, location, 510);
}
