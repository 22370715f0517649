import { u16, u32 } from '../_bytes';
import type { ByteSource } from '../byte-source';
import { FileSystemError } from '../errors';
import { decodeDstring, regidIdentifier } from './_strings';
import { expectTag, readTag, TagId } from './_tag';

/** A partition as the partition descriptor records it. */
export interface PartitionDescriptor {
  number: number;
  /** First block of the partition on the image. */
  start: number;
  length: number;
}

/** A logical volume's partition map (ECMA-167 3/10.7, UDF 2.2.8–2.2.10). */
export type PartitionMap =
  | { type: 'physical'; partitionNumber: number }
  | { type: 'metadata'; partitionNumber: number; fileLocation: number; mirrorLocation: number }
  | { type: 'unsupported'; identifier: string };

/** What the volume descriptor sequence says about the volume. */
export interface UdfVolume {
  blockSize: number;
  label: string;
  /** UDF revision from the logical volume's domain identifier, e.g. `2.50`. */
  revision: string;
  partitions: PartitionDescriptor[];
  maps: PartitionMap[];
  /** Where the file set descriptor is: block and partition reference. */
  fileSet: { block: number; partitionRef: number };
}

const blockSizes = [2048, 4096, 512, 1024];

/**
 * True when the volume recognition sequence (from byte 32768) announces NSR02 or NSR03. Descriptors
 * sit at the start of each sector, so with 4 KiB sectors every other 2 KiB slot is empty.
 */
export async function hasUdfRecognition(image: ByteSource): Promise<boolean> {
  const area = await image.read(32768, 2048 * 8);
  for (let offset = 0; offset + 6 <= area.length; offset += 2048) {
    const id = String.fromCharCode(...area.subarray(offset + 1, offset + 6));
    if (id === 'NSR02' || id === 'NSR03') return true;
    if (id !== '\0\0\0\0\0' && !['BEA01', 'TEA01', 'CD001', 'BOOT2', 'CDW02'].includes(id)) return false;
  }
  return false;
}

/** Finds the anchor at block 256 (trying the usual block sizes) and reads the main (or reserve) VDS. */
export async function readUdfVolume(image: ByteSource): Promise<UdfVolume> {
  for (const blockSize of blockSizes) {
    const anchor = await image.read(256 * blockSize, blockSize);
    const tag = readTag(anchor);
    if (tag?.id !== TagId.anchor || tag.location !== 256) continue;
    const sequences = [
      [u32(anchor, 20), u32(anchor, 16)],
      [u32(anchor, 28), u32(anchor, 24)],
    ] as const;
    let failure: unknown;
    for (const [start, bytes] of sequences) {
      try {
        return await readSequence(image, blockSize, start, Math.ceil(bytes / blockSize));
      } catch (error) {
        failure = error;
      }
    }
    throw failure;
  }
  throw new FileSystemError(
    'unsupported-filesystem',
    'UDF: no anchor volume descriptor at block 256 (block sizes 512–4096 tried); only images with an anchor at block 256 are supported.',
  );
}

async function readSequence(image: ByteSource, blockSize: number, start: number, count: number) {
  const partitions: PartitionDescriptor[] = [];
  let primaryLabel = '';
  let logical: Uint8Array | undefined;
  for (let i = 0; i < Math.min(count, 64); i++) {
    const block = await image.read((start + i) * blockSize, blockSize);
    const tag = expectTag(
      block,
      [TagId.primaryVolume, 4, TagId.partition, TagId.logicalVolume, 7, TagId.terminating, 9],
      'a volume descriptor',
      start + i,
    );
    if (tag.id === TagId.terminating) break;
    if (tag.id === TagId.primaryVolume) primaryLabel = decodeDstring(block.subarray(24, 56));
    if (tag.id === TagId.partition) {
      partitions.push({ number: u16(block, 22), start: u32(block, 188), length: u32(block, 192) });
    }
    if (tag.id === TagId.logicalVolume) logical = block;
  }
  if (!logical) {
    throw new FileSystemError(
      'corrupt-filesystem',
      'UDF: the volume descriptor sequence has no logical volume descriptor.',
    );
  }
  return describeLogicalVolume(logical, blockSize, partitions, primaryLabel);
}

function describeLogicalVolume(
  lvd: Uint8Array,
  blockSize: number,
  partitions: PartitionDescriptor[],
  primaryLabel: string,
): UdfVolume {
  const suffix = lvd.subarray(216 + 24, 216 + 32);
  const revision = u16(suffix, 0);
  const maps: PartitionMap[] = [];
  let at = 440;
  for (let i = 0; i < u32(lvd, 268); i++) {
    const type = lvd[at];
    const length = lvd[at + 1] ?? 0;
    if (type === 1) maps.push({ type: 'physical', partitionNumber: u16(lvd, at + 4) });
    else maps.push(typeTwoMap(lvd.subarray(at, at + length)));
    if (length === 0) break;
    at += length;
  }
  return {
    blockSize,
    label: decodeDstring(lvd.subarray(84, 212)) || primaryLabel,
    revision: `${(revision >> 8).toString(16)}.${(revision & 0xff).toString(16).padStart(2, '0')}`,
    partitions,
    maps,
    fileSet: { block: u32(lvd, 252), partitionRef: u16(lvd, 256) },
  };
}

function typeTwoMap(map: Uint8Array): PartitionMap {
  const identifier = regidIdentifier(map.subarray(4, 36));
  if (identifier === '*UDF Metadata Partition') {
    return {
      type: 'metadata',
      partitionNumber: u16(map, 38),
      fileLocation: u32(map, 40),
      mirrorLocation: u32(map, 44),
    };
  }
  return { type: 'unsupported', identifier };
}
