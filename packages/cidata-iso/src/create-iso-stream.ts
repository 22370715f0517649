import { buildTree } from './build-tree';
import { sectorSize } from './bytes';
import type { IsoLayout } from './layout';
import { type IsoOptions, resolveIsoOptions } from './options';
import { type IsoPlan, planIso } from './plan-iso';
import { resolveLayout } from './resolve-layout';
import { chunkSize, dataChunks } from './source-chunks';

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
  const image = await prepareImage(layout, options);
  return { size: image.size, [Symbol.asyncIterator]: () => image.chunks(false) };
}

/**
 * Checks and plans an image. `chunks(true)` reuses its buffers: each chunk is valid only until the
 * next is requested, which suits a consumer that writes each chunk before asking for the next
 * (`writeIso`) and keeps memory flat; `chunks(false)` hands out fresh buffers.
 */
export async function prepareImage(layout: IsoLayout, options: IsoOptions) {
  const resolvedOptions = resolveIsoOptions(options);
  const tree = buildTree(await resolveLayout(layout));
  const plan = planIso(tree, resolvedOptions);
  return {
    size: plan.totalSectors * sectorSize,
    chunks: (reuseBuffers: boolean) => imageChunks(plan, reuseBuffers),
  };
}

async function* imageChunks(plan: IsoPlan, reuseBuffers: boolean): AsyncGenerator<Uint8Array> {
  const out = new Coalescer(reuseBuffers);
  const scratch = reuseBuffers ? Buffer.allocUnsafe(chunkSize) : undefined;
  yield plan.header;
  for await (const chunk of dataChunks(
    plan.files.map((f) => f.node),
    scratch,
  ))
    yield* out.push(chunk);
  yield* out.flush();
}

/** Packs small pieces (small files, padding) into chunks of up to 1 MiB; large chunks pass through. */
class Coalescer {
  private pending = Buffer.allocUnsafe(chunkSize);
  private used = 0;

  constructor(private readonly reuse: boolean) {}

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
    if (!this.reuse) this.pending = Buffer.allocUnsafe(chunkSize);
    this.used = 0;
  }
}
