import { stat } from 'node:fs/promises';
import { openFileSource } from '../byte-source';
import type { MediaFileSystem } from '../file-system';
import { openFolderFileSystem } from '../folder-file-system';
import { openMediaFileSystem } from '../open-media-file-system';

/** Driver media opened for reading; `close()` it once the staged files have been written. */
export interface DriverMedia {
  fileSystem: MediaFileSystem;
  close(): Promise<void>;
}

/**
 * Opens driver media: an ISO image (read with this package's own UDF/ISO 9660 reader, no mount,
 * no 7z) or a directory (an extracted virtio-win ISO, or a user's own driver folder).
 */
export async function openDriverMedia(path: string): Promise<DriverMedia> {
  if ((await stat(path)).isDirectory()) {
    return { fileSystem: openFolderFileSystem(path), close: async () => {} };
  }
  const source = await openFileSource(path);
  try {
    return { fileSystem: await openMediaFileSystem(source), close: () => source.close() };
  } catch (error) {
    await source.close();
    throw error;
  }
}
