import { closeSync, readSync } from 'node:fs';
import type { TreeFile } from './build-tree';
import { sectorSize } from './bytes';
import { SourceChangedError, SourceMissingError } from './errors';
import { openRegularFile } from './open-regular-file';
import { chunkSize, sourceChunks } from './source-chunks';

/**
 * Yields the data area of an image — each file's bytes, then zeros up to the next sector — packed
 * into chunks of `chunkSize`. Files on disk are read synchronously straight into the chunk being
 * filled: one open, a read or two and a close per file, with no per-file buffer, promise or
 * thread-pool round trip (which is where the time of a many-small-files image used to go). With
 * `reuse`, chunks alternate between two buffers, each valid until the one after the next is
 * requested, so memory stays flat in both file count and payload.
 */
export async function* dataArea(files: readonly TreeFile[], reuse: boolean): AsyncGenerator<Uint8Array> {
  const out = new ChunkFiller(reuse);
  for (const file of files) {
    const { source } = file;
    if (typeof source === 'object' && 'path' in source) yield* out.readFile(file, source.path);
    else for await (const piece of sourceChunks(file, source)) yield* out.copy(piece);
    yield* out.zeros((sectorSize - (file.size % sectorSize)) % sectorSize);
  }
  yield* out.flush();
}

/** Puts up to `max` bytes into `target` at `offset`; returns how many it put (0: nothing left). */
type Put = (target: Buffer, offset: number, max: number, done: number) => number;

const probe = Buffer.alloc(1);

class ChunkFiller {
  private chunk: Buffer = Buffer.allocUnsafe(chunkSize);
  private spare: Buffer | undefined;
  private used = 0;

  constructor(private readonly reuse: boolean) {
    if (reuse) this.spare = Buffer.allocUnsafe(chunkSize);
  }

  /** Reads exactly `file.size` bytes of `hostPath` (and one more to see it grew, never more). */
  *readFile(file: TreeFile, hostPath: string): Generator<Uint8Array> {
    let fd: number;
    try {
      fd = openRegularFile(hostPath);
    } catch (error) {
      throw new SourceMissingError(file.path, hostPath, error);
    }
    try {
      const done = yield* this.fill(file.size, (target, at, max, position) =>
        readSync(fd, target, at, max, position),
      );
      if (done < file.size) throw new SourceChangedError(file.path, file.size, `only ${done}`);
      if (readSync(fd, probe, 0, 1, done) > 0) throw new SourceChangedError(file.path, file.size, 'more');
    } finally {
      closeSync(fd);
    }
  }

  *copy(bytes: Uint8Array): Generator<Uint8Array> {
    yield* this.fill(bytes.byteLength, (target, at, max, done) => {
      target.set(bytes.subarray(done, done + max), at);
      return max;
    });
  }

  *zeros(length: number): Generator<Uint8Array> {
    yield* this.fill(length, (target, at, max) => {
      target.fill(0, at, at + max);
      return max;
    });
  }

  *flush(): Generator<Uint8Array> {
    if (this.used === 0) return;
    const full = this.chunk;
    yield full.subarray(0, this.used);
    this.chunk = this.spare ?? Buffer.allocUnsafe(chunkSize);
    if (this.reuse) this.spare = full;
    this.used = 0;
  }

  /** Fills `length` bytes through `put`, handing out each chunk as it becomes full; returns the count. */
  private *fill(length: number, put: Put): Generator<Uint8Array, number> {
    let done = 0;
    while (done < length) {
      const got = put(this.chunk, this.used, Math.min(length - done, chunkSize - this.used), done);
      if (got === 0) break;
      done += got;
      this.used += got;
      if (this.used === chunkSize) yield* this.flush();
    }
    return done;
  }
}
