import type { ByteSource } from './byte-source';
import { FileSystemError } from './errors';

/** The largest directory the readers load (a real one with 65,535 entries is under 16 MiB). */
export const maxDirectoryBytes = 32 * 1024 * 1024;

/** The largest WIM XML metadata resource read (Windows media carry tens of KiB). */
export const maxWimXmlBytes = 16 * 1024 * 1024;

/** Reads a whole directory's data, refusing one larger than {@link maxDirectoryBytes} before allocating. */
export async function readDirectoryData(data: ByteSource, what: string): Promise<Uint8Array> {
  if (data.size > maxDirectoryBytes) {
    throw new FileSystemError(
      'corrupt-filesystem',
      `${what} claims ${data.size} bytes; directories over ${maxDirectoryBytes} bytes are refused as damaged.`,
    );
  }
  return data.read(0, data.size);
}
