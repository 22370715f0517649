import { createReadStream } from 'node:fs';
import { sectorSize } from './bytes';
import { CorruptIsoError } from './errors';

/**
 * Streams the bytes of a file's extents from an image, in order. An image that ends before the
 * file does (truncated after it was listed) throws `CorruptIsoError` instead of yielding fewer bytes.
 */
export async function* readExtents(
  isoPath: string,
  file: { path: string; size: number; extents: readonly { extent: number; size: number }[] },
): AsyncGenerator<Buffer> {
  let done = 0;
  for (const { extent, size } of file.extents) {
    if (size === 0) continue;
    const start = extent * sectorSize;
    const stream = createReadStream(isoPath, { start, end: start + size - 1, highWaterMark: 1 << 20 });
    let got = 0;
    for await (const chunk of stream) {
      got += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
    done += got;
    if (got < size) {
      const why = `the file ${JSON.stringify(file.path)} ended after ${done} of ${file.size} bytes; the image was truncated`;
      throw new CorruptIsoError(isoPath, start, 'file data', why);
    }
  }
}
