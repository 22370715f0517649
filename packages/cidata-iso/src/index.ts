export {
  answerFileName,
  type CidataLayoutInput,
  cidataLayout,
  defaultMarker,
  defaultProvisioningFolder,
  driverFolderName,
} from './cidata-layout';
export { createIsoStream, type IsoStream } from './create-iso-stream';
export {
  CidataIsoError,
  type CidataIsoErrorCode,
  CorruptIsoError,
  DestinationExistsError,
  EntryNotFoundError,
  InvalidLayoutError,
  InvalidOptionError,
  type LayoutIssue,
  NotAnIsoError,
  SourceChangedError,
  SourceMissingError,
  WriteFailedError,
} from './errors';
export { imagePathLimit, jolietNameLimit } from './joliet-names';
export type {
  IsoDirectoryEntry,
  IsoEntry,
  IsoFileEntry,
  IsoLayout,
  IsoPathSource,
  IsoSource,
  IsoStreamSource,
  IsoTreeEntry,
} from './layout';
export { defaultTimestamp, type IsoOptions } from './options';
export { type IsoImage, type IsoImageEntry, readIso } from './read-iso';
export { type WriteIsoOptions, type WriteIsoResult, writeIso } from './write-iso';
