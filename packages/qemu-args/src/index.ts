export { buildQemuArgs, type QemuCommand } from './build-qemu-args';
export { checkQemuSpec, type QemuSpecCheck } from './check-vm';
export type {
  CommandFile,
  CommandFileInput,
  CommandFileShell,
} from './command-file/command-file-options';
export { renderCommandFile } from './command-file/render-command-file';
export { chardevIds } from './control-args';
export {
  InvalidQemuSpecError,
  QemuArgsError,
  type QemuArgsErrorCode,
  type QemuArgsIssue,
  UnformattableArgumentError,
} from './errors';
export { type CommandShell, formatCommand } from './format-command';
export { guestAgentDeviceIds, guestAgentPortName } from './guest-agent-args';
export { hypervEnlightenments } from './machine-args';
export { portForwardsOf, userNetworkArgs } from './network-args';
export {
  type FirmwareFiles,
  firmwareFilesSchema,
  type QemuHost,
  type QemuHostInput,
  type QmpEndpoint,
  qemuHostSchema,
  qmpEndpointSchema,
} from './qemu-host';
export { type ResolvedVmSpec, resolveVmSpec } from './resolve-vm-spec';
export { shareDeviceIds, sharedMemoryId } from './share-args';
export { diskId, type MediaRole, mediaIds, mediaOrder } from './storage-args';
export { type SpawnCommand, type VirtiofsdShare, virtiofsdCommand } from './virtiofsd-command';
export {
  displaySchema,
  type FileShare,
  fileShareSchema,
  maxShareTagBytes,
  type PortForward,
  portForwardSchema,
  type VmSpec,
  type VmSpecInput,
  vmSpecSchema,
} from './vm-spec';
