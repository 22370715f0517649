import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';

/**
 * Opens a source file for reading, refusing anything but a regular file. Opening is non-blocking,
 * so a FIFO put in a file's place after planning cannot hang the write, and the check is made on
 * the open handle, so a link swapped in to `/dev/zero` cannot stream endless bytes.
 */
export async function openRegularFile(hostPath: string): Promise<FileHandle> {
  const handle = await open(hostPath, constants.O_RDONLY | constants.O_NONBLOCK);
  const info = await handle.stat().catch(async (error: unknown) => {
    await handle.close();
    throw error;
  });
  if (!info.isFile()) {
    await handle.close();
    throw Object.assign(new Error('not a regular file'), { code: 'not a regular file' });
  }
  return handle;
}

/** Reads at most `size + 1` bytes of a regular file: enough to tell that it grew, never more. */
export async function readRegularFile(hostPath: string, size: number): Promise<Uint8Array> {
  const handle = await openRegularFile(hostPath);
  try {
    const buffer = Buffer.allocUnsafe(size + 1);
    let done = 0;
    while (done < buffer.length) {
      const { bytesRead } = await handle.read(buffer, done, buffer.length - done, done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return buffer.subarray(0, done);
  } finally {
    await handle.close();
  }
}
