import { buildTree } from './build-tree';
import { sectorSize } from './bytes';
import { dataArea } from './data-area';
import type { IsoLayout } from './layout';
import { type IsoOptions, resolveIsoOptions } from './options';
import { type IsoPlan, planIso } from './plan-iso';
import { resolveLayout } from './resolve-layout';
import { TimeSlice } from './time-slice';

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
 * Checks and plans an image. `chunks(true)` reuses two buffers in turn: each chunk is valid until the
 * one after the next is requested, which suits a consumer that writes one chunk while the next is
 * filled (`writeIso`) and keeps memory flat; `chunks(false)` hands out fresh buffers.
 */
export async function prepareImage(layout: IsoLayout, options: IsoOptions) {
  const resolvedOptions = resolveIsoOptions(options);
  const slice = new TimeSlice();
  const tree = await buildTree(await resolveLayout(layout, slice), slice);
  const plan = await planIso(tree, resolvedOptions, slice);
  return {
    size: plan.totalSectors * sectorSize,
    chunks: (reuseBuffers: boolean) => imageChunks(plan, reuseBuffers),
  };
}

async function* imageChunks(plan: IsoPlan, reuseBuffers: boolean): AsyncGenerator<Uint8Array> {
  yield plan.header;
  yield* dataArea(
    plan.files.map((f) => f.node),
    reuseBuffers,
  );
}
