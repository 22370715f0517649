import { u32 } from '../_bytes';
import { type Extent, extentSource } from '../_extent-source';
import { readDirectoryData } from '../_limits';
import { type TreeNode, treeFileSystem } from '../_tree';
import type { ByteSource } from '../byte-source';
import { FileSystemError } from '../errors';
import type { MediaFileSystem } from '../file-system';

const sector = 2048;
const jolietEscapes = ['%/@', '%/C', '%/E'];

/** Opens the ISO 9660 volume on `image`, using the Joliet tree when there is one. */
export async function openIso9660(image: ByteSource): Promise<MediaFileSystem> {
  let primary: Uint8Array | undefined;
  let joliet: Uint8Array | undefined;
  const descriptors: Uint8Array[] = [];
  for (let index = 16; index < 16 + 32; index++) {
    const descriptor = await image.read(index * sector, sector);
    descriptors.push(descriptor);
    if (latin1(descriptor.subarray(1, 6)) !== 'CD001') break;
    const type = descriptor[0];
    if (type === 1) primary ??= descriptor;
    if (type === 2 && jolietEscapes.includes(latin1(descriptor.subarray(88, 91)))) joliet ??= descriptor;
    if (type === 255) break;
  }
  if (!primary) {
    throw new FileSystemError(
      'unsupported-filesystem',
      'The image is neither UDF nor ISO 9660 (no NSR02/NSR03 recognition sequence, no CD001 primary volume descriptor); is it a Windows install ISO?',
    );
  }
  const chosen = joliet ?? primary;
  const decode = joliet ? ucs2 : latin1;
  const rootAt = (16 + descriptors.indexOf(chosen)) * sector + 156;
  const rootRecord = parseRecord(chosen.subarray(156, 190), decode, rootAt);
  const root = node(image, rootRecord, decode);
  const label = latin1(primary.subarray(40, 72)).trimEnd();
  return treeFileSystem(root, { kind: joliet ? 'joliet' : 'iso9660', revision: undefined, label });
}

interface DirectoryRecord {
  name: string;
  isDirectory: boolean;
  extents: Extent[];
  size: number;
  /** More records of the same file follow (files over 4 GiB). */
  continues: boolean;
  /** Byte offset of the record on the image, for messages. */
  at: number;
}

function parseRecord(record: Uint8Array, decode: (b: Uint8Array) => string, at: number): DirectoryRecord {
  const flags = record[25] ?? 0;
  const size = u32(record, 10);
  const raw = record.subarray(33, 33 + (record[32] ?? 0));
  const isDirectory = (flags & 2) !== 0;
  const name = raw.length === 1 && (raw[0] ?? 0) <= 1 ? '' : cleanName(decode(raw), isDirectory);
  return {
    name,
    isDirectory,
    size,
    continues: (flags & 0x80) !== 0,
    at,
    extents: [{ offset: u32(record, 2) * sector, length: size }],
  };
}

function cleanName(name: string, isDirectory: boolean): string {
  if (isDirectory) return name;
  const withoutVersion = name.replace(/;\d+$/, '');
  return withoutVersion.endsWith('.') ? withoutVersion.slice(0, -1) : withoutVersion;
}

function node(image: ByteSource, record: DirectoryRecord, decode: (b: Uint8Array) => string): TreeNode {
  let listing: Promise<TreeNode[]> | undefined;
  const what = `ISO 9660: ${record.isDirectory ? 'the directory' : 'the file'} ${JSON.stringify(record.name || '/')} (record at byte ${record.at})`;
  const content = async () => extentSource(image, record.extents, record.size, what);
  return {
    name: record.name,
    isDirectory: record.isDirectory,
    size: async () => record.size,
    content,
    children() {
      listing ??= content().then(async (data) =>
        readRecords(await readDirectoryData(data, what), decode, record.extents[0]?.offset ?? 0).map((r) =>
          node(image, r, decode),
        ),
      );
      return listing;
    },
  };
}

/** Parses a directory's records (skipping `.` and `..`), merging multi-extent files. */
function readRecords(data: Uint8Array, decode: (b: Uint8Array) => string, base: number): DirectoryRecord[] {
  const records: DirectoryRecord[] = [];
  let pending: DirectoryRecord | undefined;
  let at = 0;
  while (at < data.length) {
    const length = data[at] ?? 0;
    if (length === 0) {
      at = (Math.floor(at / sector) + 1) * sector;
      continue;
    }
    const record = parseRecord(data.subarray(at, at + length), decode, base + at);
    at += length;
    if (record.name === '') continue;
    if (pending) {
      pending.extents.push(...record.extents);
      pending.size += record.size;
    } else pending = record;
    if (!record.continues) {
      records.push(pending);
      pending = undefined;
    }
  }
  return records;
}

function latin1(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

function ucs2(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2)
    out += String.fromCharCode(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
  return out;
}
