import { closeSync, readSync } from 'node:fs';
import type { TreeFile } from './build-tree';
import { sectorSize } from './bytes';
import { SourceChangedError, SourceMissingError } from './errors';
import { openRegularFile } from './open-regular-file';
import { chunkSize, sourceChunks } from './source-chunks';

/**
 * Yields the data area of an image — each file's bytes, then zeros up to the next sector — packed
 * into chunks of `chunkSize`. Files on disk are read synchronously straight into the chunk being
 * filled: open, fstat, one read (asking for one byte more than planned, to see a file that grew),
 * close — no per-file buffer, promise, generator or thread-pool round trip. With `reuse`, chunks
 * alternate between two buffers, each valid until the one after the next is requested, so memory
 * stays flat in both file count and payload.
 */
export async function* dataArea(files: readonly TreeFile[], reuse: boolean): AsyncGenerator<Uint8Array> {
  const out = new ChunkFiller(reuse);
  for (const file of files) {
    const { source } = file;
    if (typeof source === 'object' && 'path' in source) {
      const fd = openSource(file, source.path);
      try {
        let done = 0;
        while (done < file.size) {
          // Room for the rest and one byte more: the extra byte, if any arrives, shows the file grew
          // (it lies where this file's padding or the next file goes, so it is overwritten).
          const room = chunkSize - out.used;
          const want = Math.min(file.size - done + 1, room);
          const got = readSync(fd, out.chunk, out.used, want, done);
          if (got === 0) break;
          if (done + got > file.size) throw new SourceChangedError(file.path, file.size, 'more');
          done += got;
          out.used += got;
          if (out.used === chunkSize) yield out.next();
        }
        if (done < file.size) throw new SourceChangedError(file.path, file.size, `only ${done}`);
        // Empty, or its last byte ended a chunk: the one-byte look past its end is still due.
        if (out.used === 0 || file.size === 0) checkEnd(fd, file);
      } finally {
        closeSync(fd);
      }
    } else {
      for await (const piece of sourceChunks(file, source)) {
        for (let at = 0; at < piece.byteLength; ) {
          const n = Math.min(piece.byteLength - at, chunkSize - out.used);
          out.chunk.set(piece.subarray(at, at + n), out.used);
          at += n;
          out.used += n;
          if (out.used === chunkSize) yield out.next();
        }
      }
    }
    for (let pad = (sectorSize - (file.size % sectorSize)) % sectorSize; pad > 0; ) {
      const n = Math.min(pad, chunkSize - out.used);
      out.chunk.fill(0, out.used, out.used + n);
      pad -= n;
      out.used += n;
      if (out.used === chunkSize) yield out.next();
    }
  }
  if (out.used > 0) yield out.next();
}

function openSource(file: TreeFile, hostPath: string): number {
  try {
    return openRegularFile(hostPath);
  } catch (error) {
    throw new SourceMissingError(file.path, hostPath, error);
  }
}

const probe = Buffer.alloc(1);

/** Reads one byte past the planned end: any byte there means the file grew since planning. */
function checkEnd(fd: number, file: TreeFile): void {
  if (readSync(fd, probe, 0, 1, file.size) > 0) throw new SourceChangedError(file.path, file.size, 'more');
}

/** The chunk being filled, and the spare one it alternates with when buffers are reused. */
class ChunkFiller {
  chunk: Buffer = Buffer.allocUnsafe(chunkSize);
  used = 0;
  private spare: Buffer | undefined;

  constructor(private readonly reuse: boolean) {
    if (reuse) this.spare = Buffer.allocUnsafe(chunkSize);
  }

  /** Hands out the filled part of the chunk and starts the next one. */
  next(): Uint8Array {
    const full = this.chunk;
    const filled = full.subarray(0, this.used);
    this.chunk = this.spare ?? Buffer.allocUnsafe(chunkSize);
    if (this.reuse) this.spare = full;
    this.used = 0;
    return filled;
  }
}
