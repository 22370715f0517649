import type { ByteSource } from '../byte-source';
import { FileSystemError } from '../errors';
import type { MediaFileSystem } from '../file-system';

const chunkSize = 1 << 20;

/** A file on driver media, with its size and a way to stream its bytes (an ISO writer source). */
export interface MediaFile {
  /**
   * Path on the media, `/`-separated, with the media's own spelling. (Not `path`: a file with
   * `size` and `open` is a stream source to an ISO writer, never mistaken for a host path.)
   */
  mediaPath: string;
  /** Size in bytes. */
  size: number;
  /** Streams the bytes, in order, while the media is open. */
  open: () => AsyncIterable<Uint8Array>;
}

/** A file on the media plus its SHA-256 (upper-case hex, as PowerShell's Get-FileHash prints it). */
export interface ChecksummedMediaFile extends MediaFile {
  sha256: string;
}

/** Wraps `path` on `fs` as a {@link MediaFile}; throws when it is not a file there. */
export async function mediaFile(fs: MediaFileSystem, path: string): Promise<MediaFile> {
  const source = await fs.openFile(path);
  if (!source) throw new FileSystemError('corrupt-filesystem', `"${path}" is not a file on ${fs.label}.`);
  return { mediaPath: path, size: source.size, open: () => chunks(source) };
}

/** Like {@link mediaFile}, reading the file once to checksum it. */
export async function checksummedMediaFile(fs: MediaFileSystem, path: string): Promise<ChecksummedMediaFile> {
  const file = await mediaFile(fs, path);
  // Loaded on use: a command that reads no driver media does not pay for node:crypto.
  const hash = process.getBuiltinModule('node:crypto').createHash('sha256');
  for await (const chunk of file.open()) hash.update(chunk);
  return { ...file, sha256: hash.digest('hex').toUpperCase() };
}

async function* chunks(source: ByteSource): AsyncIterable<Uint8Array> {
  for (let offset = 0; offset < source.size; offset += chunkSize) {
    yield await source.read(offset, Math.min(chunkSize, source.size - offset));
  }
}
