export { type ByteSource, bufferSource, type FileByteSource, openFileSource } from './byte-source';
export { checkAgainstMedia, type MediaExpectation, type MediaMismatch } from './check-against-media';
export type { ChecksummedMediaFile, MediaFile } from './drivers/media-file';
export { type DriverMedia, openDriverMedia } from './drivers/open-driver-media';
export {
  type DriverRequest,
  type DriverSelection,
  type SelectedDriver,
  type StagedDriverFile,
  selectDrivers,
} from './drivers/select-drivers';
export {
  type DriverArch,
  type DriverStage,
  guestAgentMsiPaths,
  guestToolsMsiPaths,
  requiredDrivers,
  type VirtioDevices,
  type VirtioWinDriver,
  virtioWinArchFolders,
  virtioWinDrivers,
  virtioWinFolder,
  virtioWinOsFolders,
  type WindowsFamily,
} from './drivers/virtio-win-layout';
export {
  DriverNotFoundError,
  EditionError,
  FileSystemError,
  InstallMediaError,
  type InstallMediaErrorCode,
  type MissingDriver,
  NotInstallMediaError,
  WimError,
} from './errors';
export type { DirectoryEntry, MediaFileSystem } from './file-system';
export { openFolderFileSystem } from './folder-file-system';
export { type InstallMedia, inspectInstallMedia } from './inspect-install-media';
export { openMediaFileSystem } from './open-media-file-system';
export { type EditionSelector, listEditions, resolveEdition } from './resolve-edition';
export type { ResourceHeader, WimHeader } from './wim/wim-header';
export { readWimInfo, type WimImage, type WimInfo, type WindowsArch } from './wim/wim-info';
