import { buildTree } from './build-tree';
import { sectorSize } from './bytes';
import type { IsoLayout } from './layout';
import { type IsoOptions, resolveIsoOptions } from './options';
import { type IsoPlan, planIso } from './plan-iso';
import { resolveLayout } from './resolve-layout';
import { chunkSize, sourceChunks } from './source-chunks';

/** An image as a stream of chunks, with its final size known before the first byte. */
export interface IsoStream extends AsyncIterable<Uint8Array> {
  /** Size of the whole image in bytes (a multiple of 2048). */
  readonly size: number;
}

/**
 * Plans an image and returns it as a stream: volume descriptors, path tables and directories are
 * computed up front, file bytes are read from their sources as the stream is consumed, so memory does
 * not grow with the payload. Throws `InvalidLayoutError` (every problem at once) or
 * `SourceMissingError` before yielding anything; a source that changes size while streaming throws
 * `SourceChangedError` from the iterator. Iterate it once per write.
 */
export async function createIsoStream(layout: IsoLayout, options: IsoOptions = {}): Promise<IsoStream> {
  const resolvedOptions = resolveIsoOptions(options);
  const tree = buildTree(await resolveLayout(layout));
  const plan = planIso(tree, resolvedOptions);
  return {
    size: plan.totalSectors * sectorSize,
    [Symbol.asyncIterator]: () => imageChunks(plan),
  };
}

async function* imageChunks(plan: IsoPlan): AsyncGenerator<Uint8Array> {
  const out = new Coalescer();
  yield plan.header;
  for (const file of plan.files) {
    for await (const chunk of sourceChunks(file.node)) yield* out.push(chunk);
    const padding = (sectorSize - (file.node.size % sectorSize)) % sectorSize;
    yield* out.push(zeros.subarray(0, padding));
  }
  yield* out.flush();
}

const zeros = new Uint8Array(sectorSize);

/** Packs small pieces (small files, padding) into chunks of up to 1 MiB; large chunks pass through. */
class Coalescer {
  private pending = Buffer.allocUnsafe(chunkSize);
  private used = 0;

  *push(chunk: Uint8Array): Generator<Uint8Array> {
    if (chunk.byteLength >= chunkSize / 4) {
      yield* this.flush();
      yield chunk;
      return;
    }
    if (this.used + chunk.byteLength > chunkSize) yield* this.flush();
    this.pending.set(chunk, this.used);
    this.used += chunk.byteLength;
  }

  *flush(): Generator<Uint8Array> {
    if (this.used === 0) return;
    yield this.pending.subarray(0, this.used);
    this.pending = Buffer.allocUnsafe(chunkSize);
    this.used = 0;
  }
}
