import type { ByteSource } from './byte-source';

/** One name in a directory of the image. */
export interface DirectoryEntry {
  /** The name as recorded (UDF or Joliet Unicode; ISO 9660 without the `;1` version). */
  name: string;
  /** Whether the entry is a directory. */
  isDirectory: boolean;
  /** File size in bytes (0 for directories). */
  size: number;
}

/** A read-only view of the file system on an install image. Paths use `/`; lookup ignores case. */
export interface MediaFileSystem {
  /** Which structures were read: UDF (preferred), Joliet or plain ISO 9660; `folder` for a host directory. */
  readonly kind: 'udf' | 'joliet' | 'iso9660' | 'folder';
  /** UDF revision from the domain identifier, e.g. `'1.02'`, `'2.50'`; undefined for ISO 9660. */
  readonly revision: string | undefined;
  /** The volume label (UDF logical volume identifier or ISO 9660 volume identifier; the path for a folder). */
  readonly label: string;
  /** Lists a directory; throws when `path` is not a directory on the image. */
  readDirectory(path: string): Promise<DirectoryEntry[]>;
  /** Opens a file for random access, or returns undefined when there is no such file. */
  openFile(path: string): Promise<ByteSource | undefined>;
}
