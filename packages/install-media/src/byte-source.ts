import { open } from 'node:fs/promises';

/**
 * Random access to bytes: a whole image, or one file inside it. Everything in this package reads
 * through this interface, so nothing is ever read whole and tests can count what was read.
 */
export interface ByteSource {
  /** Size in bytes. */
  readonly size: number;
  /** Reads `length` bytes at `offset`; the result is shorter only at the end of the source. */
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** A file on disk opened for random access; `close()` it when done. */
export interface FileByteSource extends ByteSource {
  /** Bytes read from the file so far. */
  readonly bytesRead: number;
  /** Number of read calls so far. */
  readonly reads: number;
  close(): Promise<void>;
}

/** One read call's limit: Node aborts the process on a single read of 2 GiB or more. */
const maxReadBytes = 1 << 30;

/** Opens `path` read-only as a {@link FileByteSource}. */
export async function openFileSource(path: string): Promise<FileByteSource> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  let bytesRead = 0;
  let reads = 0;
  return {
    size,
    get bytesRead() {
      return bytesRead;
    },
    get reads() {
      return reads;
    },
    async read(offset, length) {
      const wanted = Math.max(0, Math.min(length, size - offset));
      const buffer = new Uint8Array(wanted);
      let done = 0;
      while (done < wanted) {
        const step = Math.min(wanted - done, maxReadBytes);
        const { bytesRead: n } = await handle.read(buffer, done, step, offset + done);
        if (n === 0) break;
        done += n;
      }
      bytesRead += done;
      reads++;
      return done === wanted ? buffer : buffer.subarray(0, done);
    },
    close: () => handle.close(),
  };
}

/** A source over bytes already in memory (tests, small embedded images). */
export function bufferSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
  };
}
