import type { TreeFile } from './build-tree';
import { SourceChangedError } from './errors';
import type { IsoPathSource, IsoSource } from './layout';

/** Size of the chunks the data area is packed into and large files are read in. */
export const chunkSize = 1 << 20;

/** Where the bytes of a file not read from a host path come from: memory or a stream. */
export type InlineSource = Exclude<IsoSource, IsoPathSource>;

/**
 * Yields an in-memory or streamed file's bytes, checking that exactly the planned number arrive; a
 * source that grew or shrank since planning throws instead of producing a corrupt image.
 */
export async function* sourceChunks(file: TreeFile, source: InlineSource): AsyncGenerator<Uint8Array> {
  if (typeof source === 'string') yield checked(file, Buffer.from(source, 'utf8'));
  else if (source instanceof Uint8Array) yield checked(file, source);
  else yield* streamChunks(file, source.open());
}

function checked(file: TreeFile, bytes: Uint8Array): Uint8Array {
  if (bytes.byteLength !== file.size)
    throw new SourceChangedError(file.path, file.size, `${bytes.byteLength}`);
  return bytes;
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
