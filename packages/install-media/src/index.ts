export { type ByteSource, bufferSource, type FileByteSource, openFileSource } from './byte-source';
export { checkAgainstMedia, type MediaExpectation, type MediaMismatch } from './check-against-media';
export {
  EditionError,
  FileSystemError,
  InstallMediaError,
  type InstallMediaErrorCode,
  NotInstallMediaError,
  WimError,
} from './errors';
export type { DirectoryEntry, MediaFileSystem } from './file-system';
export { type InstallMedia, inspectInstallMedia } from './inspect-install-media';
export { openMediaFileSystem } from './open-media-file-system';
export { type EditionSelector, listEditions, resolveEdition } from './resolve-edition';
export type { ResourceHeader, WimHeader } from './wim/wim-header';
export { readWimInfo, type WimImage, type WimInfo, type WindowsArch } from './wim/wim-info';
