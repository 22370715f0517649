/**
 * Where a file's bytes come from:
 * - a `string`: text, written as UTF-8;
 * - a `Uint8Array` (a Buffer is one): the bytes themselves;
 * - `{ path }`: a file on disk, read (streamed) when the image is written;
 * - `{ size, open }`: an async iterable of chunks that must deliver exactly `size` bytes.
 */
export type IsoSource = string | Uint8Array | IsoPathSource | IsoStreamSource;

/** A file on disk; its size is taken when the write starts and must not change during it. */
export interface IsoPathSource {
  /** Host path of the file. */
  path: string;
}

/** Bytes produced on demand, e.g. generated or downloaded, with their size declared up front. */
export interface IsoStreamSource {
  /** Exact number of bytes `open()` yields. */
  size: number;
  /** Called once per write; yields the bytes in order. */
  open: () => AsyncIterable<Uint8Array>;
}

/** A file in the image at `path` (`/`-separated, relative to the root, e.g. `drivers/a.inf`). */
export interface IsoFileEntry {
  type: 'file';
  /** Path inside the image, with its real (Joliet) name. Parent directories are implied. */
  path: string;
  /** Where the bytes come from. */
  source: IsoSource;
}

/** A directory in the image; only needed for empty ones, since files imply their parents. */
export interface IsoDirectoryEntry {
  type: 'directory';
  /** Path inside the image. */
  path: string;
}

/** A host directory copied recursively to `path` when the image is written (e.g. a driver tree). */
export interface IsoTreeEntry {
  type: 'tree';
  /** Path inside the image the tree's contents go under; `''` puts them at the image root. */
  path: string;
  /** Host directory to copy. */
  from: string;
}

/** One entry of a layout. */
export type IsoEntry = IsoFileEntry | IsoDirectoryEntry | IsoTreeEntry;

/** What goes into an image: a list of entries, in any order (the image is sorted). */
export type IsoLayout = readonly IsoEntry[];

/** Declared size of an in-memory or stream source; `undefined` for a path (known only by `stat`). */
export function declaredSize(source: IsoSource): number | undefined {
  if (typeof source === 'string') return Buffer.byteLength(source, 'utf8');
  if (source instanceof Uint8Array) return source.byteLength;
  if ('size' in source) return source.size;
  return undefined;
}
