export { checkDevices } from './check-devices';
export { checkMedia, type MediaChoice } from './check-media';
export { checkShares, needsVirtioFsMedia, type ShareMode } from './check-shares';
export {
  type DiskBus,
  diskBusSchema,
  type GuestDevices,
  guestDevices,
  isWindowsGuest,
  qemuDiskInterface,
} from './devices';
export { type EditionSelector, editionSelector } from './edition';
export {
  GuestError,
  type GuestErrorCode,
  type GuestIssue,
  InvalidGuestError,
  MediaMismatchError,
} from './errors';
export { type Guest, type GuestInput, guestJsonSchema, guestSchema } from './guest-schema';
export { mediaFileNames } from './media-names';
export { type AnswerFileFacts, guestArch, planAnswerFile } from './plan-answer-file';
export {
  type BuildFolderShares,
  buildFolderFiles,
  buildFolderShareSocket,
  defaultBuildSshPort,
  planCommandFile,
  planVmSpec,
} from './plan-build-folder';
export {
  deleteSshHostKeysCommand,
  planGeneralizedAnswerFile,
} from './plan-generalized-answer-file';
export { type HostPlan, planHost } from './plan-host';
export { type MediaFacts, type MediaPlan, planMedia } from './plan-media';
export { type ProvisionFacts, planProvision } from './plan-provision';
export { planRunner, type RunnerFacts } from './plan-runner';
export { type DriverMediaFacts, readDriverMedia } from './read-driver-media';
export { resolveGuest } from './resolve-guest';
export { type ResolvedShare, reservedDriveLetters, resolveShares, sharesSchema } from './shares-schema';
export { guestVmSchema } from './vm-schema';
