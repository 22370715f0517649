import type { TreeFile } from './build-tree';
import { sectorSize } from './bytes';
import { SourceChangedError, SourceMissingError } from './errors';
import { openRegularFile, readRegularFile } from './open-regular-file';

/** Size of the chunks large files are read in, and of the coalesced output chunks. */
export const chunkSize = 1 << 20;

/**
 * Yields a file's bytes from its source, checking that exactly the planned number arrive; a source
 * that grew, shrank or vanished since planning throws instead of producing a corrupt image.
 */
export async function* sourceChunks(file: TreeFile, scratch?: Buffer): AsyncGenerator<Uint8Array> {
  const { source } = file;
  if (typeof source === 'string') yield checked(file, Buffer.from(source, 'utf8'));
  else if (source instanceof Uint8Array) yield checked(file, source);
  else if ('path' in source) yield* fileChunks(file, source.path, scratch);
  else yield* streamChunks(file, source.open());
}

/** How many small files on disk are read ahead of the one being written. */
const readAhead = 16;

/**
 * Yields the data area of an image: each file's bytes followed by zeros up to the next sector.
 * Small files on disk are read a few at a time ahead of need, which hides per-file latency.
 */
export async function* dataChunks(files: readonly TreeFile[], scratch?: Buffer): AsyncGenerator<Uint8Array> {
  const early = new Map<TreeFile, Promise<Uint8Array>>();
  for (const [i, file] of files.entries()) {
    for (const next of files.slice(i, i + readAhead)) {
      const { source } = next;
      if (early.has(next) || typeof source !== 'object' || !('path' in source) || next.size >= chunkSize)
        continue;
      const read = readRegularFile(source.path, next.size).catch(missing(next, source.path));
      read.catch(() => {}); // handled when awaited; never an unhandled rejection if the write stops early
      early.set(next, read);
    }
    const read = early.get(file);
    early.delete(file);
    if (read) yield checked(file, await read);
    else yield* sourceChunks(file, scratch);
    yield zeros.subarray(0, (sectorSize - (file.size % sectorSize)) % sectorSize);
  }
}

const zeros = new Uint8Array(sectorSize);

function checked(file: TreeFile, bytes: Uint8Array): Uint8Array {
  if (bytes.byteLength !== file.size)
    throw new SourceChangedError(file.path, file.size, `${bytes.byteLength}`);
  return bytes;
}

/** Reads a file on disk; with `scratch`, every chunk reuses it (valid until the next is requested). */
async function* fileChunks(file: TreeFile, hostPath: string, scratch?: Buffer): AsyncGenerator<Uint8Array> {
  if (file.size < chunkSize) {
    yield checked(file, await readRegularFile(hostPath, file.size).catch(missing(file, hostPath)));
    return;
  }
  const handle = await openRegularFile(hostPath).catch(missing(file, hostPath));
  try {
    let done = 0;
    while (done < file.size) {
      const length = Math.min(chunkSize, file.size - done);
      const buffer = scratch ? scratch.subarray(0, length) : Buffer.allocUnsafe(length);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, done);
      if (bytesRead === 0) throw new SourceChangedError(file.path, file.size, `only ${done}`);
      done += bytesRead;
      yield bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead);
    }
    const { bytesRead } = await handle.read(Buffer.alloc(1), 0, 1, done);
    if (bytesRead > 0) throw new SourceChangedError(file.path, file.size, 'more');
  } finally {
    await handle.close();
  }
}

async function* streamChunks(file: TreeFile, chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let done = 0;
  for await (const chunk of chunks) {
    done += chunk.byteLength;
    if (done > file.size) throw new SourceChangedError(file.path, file.size, 'more');
    yield chunk;
  }
  if (done < file.size) throw new SourceChangedError(file.path, file.size, `only ${done}`);
}

function missing(file: TreeFile, hostPath: string) {
  return (error: unknown): never => {
    throw new SourceMissingError(file.path, hostPath, error);
  };
}
