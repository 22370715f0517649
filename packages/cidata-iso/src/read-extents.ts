import { createReadStream } from 'node:fs';
import { sectorSize } from './bytes';

/** Streams the bytes of a file's extents from an image, in order. */
export async function* readExtents(
  isoPath: string,
  extents: readonly { extent: number; size: number }[],
): AsyncGenerator<Buffer> {
  for (const { extent, size } of extents) {
    if (size === 0) continue;
    const start = extent * sectorSize;
    const stream = createReadStream(isoPath, { start, end: start + size - 1, highWaterMark: 1 << 20 });
    for await (const chunk of stream) yield chunk as Buffer;
  }
}
