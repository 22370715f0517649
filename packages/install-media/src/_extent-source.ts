import type { ByteSource } from './byte-source';
import { FileSystemError } from './errors';

/** A run of bytes of a file: where it lies on the image, or `undefined` for a hole (reads as zeros). */
export interface Extent {
  offset: number | undefined;
  length: number;
}

/**
 * A file made of extents on `image`, `size` bytes long. Checks first that the extents cover `size`
 * and that every recorded one lies inside the image, and on each read that the image really
 * delivered the bytes: a truncated or crafted image throws `corrupt-filesystem` naming `what`
 * instead of reading as zeros.
 */
export function extentSource(
  image: ByteSource,
  extents: readonly Extent[],
  size: number,
  what: string,
): ByteSource {
  let covered = 0;
  for (const extent of extents) {
    const end = (extent.offset ?? 0) + extent.length;
    if (extent.offset !== undefined && extent.length > 0 && end > image.size) {
      throw corrupt(
        `${what} claims ${extent.length} bytes at byte ${extent.offset}, ending at ${end}, beyond the end of the image (${image.size} bytes); the image is truncated or damaged`,
      );
    }
    covered += extent.length;
  }
  if (size > covered) throw corrupt(`${what} claims ${size} bytes but its extents cover only ${covered}`);
  return {
    size,
    async read(offset, length) {
      const end = Math.min(size, offset + length);
      const out = new Uint8Array(Math.max(0, end - offset));
      let base = 0;
      for (const extent of extents) {
        const from = Math.max(offset, base);
        const to = Math.min(end, base + extent.length);
        if (from < to && extent.offset !== undefined) {
          const bytes = await image.read(extent.offset + (from - base), to - from);
          if (bytes.length < to - from)
            throw corrupt(`${what} ends early: the image was cut after it was opened`);
          out.set(bytes, from - offset);
        }
        base += extent.length;
        if (base >= end) break;
      }
      return out;
    },
  };
}

function corrupt(message: string): FileSystemError {
  return new FileSystemError('corrupt-filesystem', `${message}.`);
}
