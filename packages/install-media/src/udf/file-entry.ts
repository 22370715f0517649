import { u16, u32, u64 } from '../_bytes';
import type { Extent } from '../_extent-source';
import { FileSystemError } from '../errors';
import { expectTag, TagId } from './_tag';
import type { Partitions, Run } from './partitions';

/** A file entry (FE or EFE) with its data located on the image. */
export interface UdfFileEntry {
  isDirectory: boolean;
  size: number;
  /** Image extents in file order; holes have `offset: undefined`. */
  extents: Extent[];
  /** Data embedded in the entry itself (ICB flag "data in ICB"). */
  inline: Uint8Array | undefined;
}

const fileTypeDirectory = 4;
const adShort = 0;
const adLong = 1;
const adInline = 3;

/** Reads the FE or EFE at a block of a partition and resolves its allocation descriptors. */
export async function readAllocation(
  parts: Partitions,
  partitionRef: number,
  block: number,
): Promise<UdfFileEntry> {
  const entry = await parts.readBlock(partitionRef, block);
  const tag = expectTag(entry, [TagId.fileEntry, TagId.extendedFileEntry], 'a file entry', block);
  const extended = tag.id === TagId.extendedFileEntry;
  const eaLength = u32(entry, extended ? 208 : 168);
  const adLength = u32(entry, extended ? 212 : 172);
  const adStart = (extended ? 216 : 176) + eaLength;
  const adType = u16(entry, 34) & 7;
  const size = u64(entry, 56);
  const isDirectory = entry[27] === fileTypeDirectory;
  const descriptors = entry.subarray(adStart, adStart + adLength);
  if (adType === adInline) return { isDirectory, size, extents: [], inline: descriptors.slice(0, size) };
  if (adType !== adShort && adType !== adLong) {
    throw new FileSystemError(
      'unsupported-filesystem',
      `UDF: file entry at block ${block} uses extended allocation descriptors, which this reader does not support.`,
    );
  }
  const runs = await collectRuns(parts, descriptors, adType === adLong, partitionRef);
  const extents: Extent[] = [];
  for (const run of runs) {
    if (run.recorded) extents.push(...(await parts.resolve(run)));
    else extents.push({ offset: undefined, length: run.length });
  }
  return { isDirectory, size, extents, inline: undefined };
}

interface AllocatedRun extends Run {
  recorded: boolean;
}

/** Walks short or long allocation descriptors, following allocation extent descriptors (type 3). */
async function collectRuns(
  parts: Partitions,
  first: Uint8Array,
  long: boolean,
  icbRef: number,
): Promise<AllocatedRun[]> {
  const runs: AllocatedRun[] = [];
  const step = long ? 16 : 8;
  let descriptors = first;
  for (let hops = 0; hops < 1024; hops++) {
    let next: Run | undefined;
    for (let at = 0; at + step <= descriptors.length; at += step) {
      const raw = u32(descriptors, at);
      const length = raw & 0x3fffffff;
      const kind = raw >>> 30;
      if (length === 0) break;
      const run = {
        partitionRef: long ? u16(descriptors, at + 8) : icbRef,
        block: u32(descriptors, at + 4),
        length,
      };
      if (kind === 3) {
        next = run;
        break;
      }
      runs.push({ ...run, recorded: kind === 0 });
    }
    if (!next) return runs;
    const aed = await parts.readBlock(next.partitionRef, next.block);
    expectTag(aed, [TagId.allocationExtent], 'an allocation extent descriptor', next.block);
    descriptors = aed.subarray(24, 24 + u32(aed, 20));
  }
  throw new FileSystemError('corrupt-filesystem', 'UDF: allocation extent descriptors form a loop.');
}
