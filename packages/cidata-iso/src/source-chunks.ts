import { open, readFile } from 'node:fs/promises';
import type { TreeFile } from './build-tree';
import { SourceChangedError, SourceMissingError } from './errors';

/** Size of the chunks large files are read in, and of the coalesced output chunks. */
export const chunkSize = 1 << 20;

/**
 * Yields a file's bytes from its source, checking that exactly the planned number arrive; a source
 * that grew, shrank or vanished since planning throws instead of producing a corrupt image.
 */
export async function* sourceChunks(file: TreeFile): AsyncGenerator<Uint8Array> {
  const { source } = file;
  if (typeof source === 'string') yield checked(file, Buffer.from(source, 'utf8'));
  else if (source instanceof Uint8Array) yield checked(file, source);
  else if ('path' in source) yield* fileChunks(file, source.path);
  else yield* streamChunks(file, source.open());
}

function checked(file: TreeFile, bytes: Uint8Array): Uint8Array {
  if (bytes.byteLength !== file.size) throw new SourceChangedError(file.path, file.size, `${bytes.byteLength}`);
  return bytes;
}

async function* fileChunks(file: TreeFile, hostPath: string): AsyncGenerator<Uint8Array> {
  if (file.size < chunkSize) {
    yield checked(file, await readFile(hostPath).catch(missing(file, hostPath)));
    return;
  }
  const handle = await open(hostPath, 'r').catch(missing(file, hostPath));
  try {
    let done = 0;
    while (done < file.size) {
      const buffer = Buffer.allocUnsafe(Math.min(chunkSize, file.size - done));
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
