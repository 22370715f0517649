import { type FileHandle, open } from 'node:fs/promises';
import { prepareImage } from './create-iso-stream';
import type { IsoLayout } from './layout';
import type { IsoOptions } from './options';
import { type SafeOutputOptions, writeViaTempFile } from './safe-output';

/** Options of `writeIso`. */
export interface WriteIsoOptions extends IsoOptions, SafeOutputOptions {
  /** Permission bits of the new image. Default 0o600: answer files hold recoverable passwords. */
  mode?: number;
}

/** What `writeIso` produced. */
export interface WriteIsoResult {
  /** The destination path as given. */
  path: string;
  /** Size of the image in bytes. */
  size: number;
}

/**
 * Writes an ISO 9660 + Joliet image of `layout` to `destination`: streamed into a temporary file
 * beside it (mode 0600 by default), renamed into place only when complete. Refuses an existing
 * destination unless `overwrite` is true. On failure — invalid layout, missing source, a source that
 * changes size, a full disk — the destination is untouched and the temporary file removed.
 */
export async function writeIso(
  layout: IsoLayout,
  destination: string,
  options: WriteIsoOptions = {},
): Promise<WriteIsoResult> {
  const image = await prepareImage(layout, options);
  await writeViaTempFile(destination, options, async (temp) => {
    const handle = await open(temp, 'wx', options.mode ?? 0o600);
    try {
      // Double buffering: the next chunk is filled (synchronous reads) while this one is written.
      let writing: Promise<void> = Promise.resolve();
      for await (const chunk of image.chunks(true)) {
        await writing;
        writing = writeFully(handle, chunk);
        writing.catch(() => {}); // awaited above or below; never unhandled if filling fails first
      }
      await writing;
    } finally {
      await handle.close();
    }
  });
  return { path: destination, size: image.size };
}

/** Writes all of `chunk`: a short write (e.g. at a file size limit) continues until it errors. */
async function writeFully(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.byteLength) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset);
    offset += bytesWritten;
  }
}
