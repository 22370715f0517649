import type { ByteSource } from './byte-source';

/** A run of bytes of a file: where it lies on the image, or `undefined` for a hole (reads as zeros). */
export interface Extent {
  offset: number | undefined;
  length: number;
}

/** A file made of extents on `image`, `size` bytes long. */
export function extentSource(image: ByteSource, extents: readonly Extent[], size: number): ByteSource {
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
          out.set(await image.read(extent.offset + (from - base), to - from), from - offset);
        }
        base += extent.length;
        if (base >= end) break;
      }
      return out;
    },
  };
}
