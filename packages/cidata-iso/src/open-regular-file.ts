import { closeSync, constants, fstatSync, openSync } from 'node:fs';

/**
 * Opens a source file for reading and returns its descriptor, refusing anything but a regular file.
 * Opening is non-blocking, so a FIFO put in a file's place after planning cannot hang the write, and
 * the check is made on the open descriptor, so a link swapped in to `/dev/zero` cannot stream
 * endless bytes. Synchronous: the writer reads thousands of small files, and a thread-pool round
 * trip per open, stat and close cost more than the calls themselves.
 */
export function openRegularFile(hostPath: string): number {
  const fd = openSync(hostPath, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (fstatSync(fd).isFile()) return fd;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  closeSync(fd);
  throw Object.assign(new Error('not a regular file'), { code: 'not a regular file' });
}
