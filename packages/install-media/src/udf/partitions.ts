import type { Extent } from '../_extent-source';
import type { ByteSource } from '../byte-source';
import { FileSystemError } from '../errors';
import { readAllocation } from './file-entry';
import type { UdfVolume } from './volume';

/** A run of logical blocks in one partition of the logical volume. */
export interface Run {
  partitionRef: number;
  block: number;
  length: number;
}

/** Turns (partition reference, logical block) into image offsets, through a metadata partition if any. */
export class Partitions {
  private readonly metadata = new Map<number, Promise<Extent[]>>();

  constructor(
    readonly image: ByteSource,
    readonly volume: UdfVolume,
  ) {}

  /** Reads one logical block. */
  async readBlock(partitionRef: number, block: number): Promise<Uint8Array> {
    const extents = await this.resolve({ partitionRef, block, length: this.volume.blockSize });
    const first = extents[0];
    if (first?.offset === undefined) throw this.outside(partitionRef, block);
    return this.image.read(first.offset, this.volume.blockSize);
  }

  /** The image extents that hold a run (a run in the metadata partition may be split). */
  async resolve(run: Run): Promise<Extent[]> {
    const map = this.volume.maps[run.partitionRef];
    if (map?.type === 'unsupported') {
      throw new FileSystemError(
        'unsupported-filesystem',
        `UDF: partition type ${JSON.stringify(map.identifier)} is not supported (Windows install media use physical and metadata partitions only); convert the image with a tool that writes a plain UDF 1.02/2.x volume.`,
      );
    }
    if (!map) throw this.outside(run.partitionRef, run.block);
    const bs = this.volume.blockSize;
    const physical = this.physicalStart(map.partitionNumber) * bs;
    if (map.type === 'physical') return [{ offset: physical + run.block * bs, length: run.length }];
    const file = await this.metadataExtents(run.partitionRef);
    return slice(file, run.block * bs, run.length);
  }

  private physicalStart(partitionNumber: number): number {
    const descriptor = this.volume.partitions.find((p) => p.number === partitionNumber);
    if (!descriptor) {
      throw new FileSystemError(
        'corrupt-filesystem',
        `UDF: no partition descriptor for partition ${partitionNumber}.`,
      );
    }
    return descriptor.start;
  }

  private metadataExtents(partitionRef: number): Promise<Extent[]> {
    let cached = this.metadata.get(partitionRef);
    if (!cached) {
      cached = this.readMetadataFile(partitionRef);
      this.metadata.set(partitionRef, cached);
    }
    return cached;
  }

  /** Reads the metadata file's allocation (falling back to the mirror file), UDF 2.50 2.2.13. */
  private async readMetadataFile(partitionRef: number): Promise<Extent[]> {
    const map = this.volume.maps[partitionRef];
    if (map?.type !== 'metadata') throw this.outside(partitionRef, 0);
    const physicalRef = this.volume.maps.findIndex(
      (m) => m.type === 'physical' && m.partitionNumber === map.partitionNumber,
    );
    if (physicalRef < 0) {
      throw new FileSystemError(
        'corrupt-filesystem',
        `UDF: the metadata partition lies on partition ${map.partitionNumber}, which has no type 1 partition map.`,
      );
    }
    try {
      return (await readAllocation(this, physicalRef, map.fileLocation)).extents;
    } catch (error) {
      if (map.mirrorLocation === 0xffffffff) throw error;
      return (await readAllocation(this, physicalRef, map.mirrorLocation)).extents;
    }
  }

  private outside(partitionRef: number, block: number): FileSystemError {
    return new FileSystemError(
      'corrupt-filesystem',
      `UDF: block ${block} of partition reference ${partitionRef} is outside the volume's partitions.`,
    );
  }
}

function slice(extents: readonly Extent[], start: number, length: number): Extent[] {
  const out: Extent[] = [];
  let base = 0;
  for (const extent of extents) {
    const from = Math.max(start, base);
    const to = Math.min(start + length, base + extent.length);
    if (from < to) {
      out.push({
        offset: extent.offset === undefined ? undefined : extent.offset + from - base,
        length: to - from,
      });
    }
    base += extent.length;
  }
  if (out.reduce((sum, e) => sum + e.length, 0) < length) {
    throw new FileSystemError('corrupt-filesystem', 'UDF: a block lies beyond the end of the metadata file.');
  }
  return out;
}
