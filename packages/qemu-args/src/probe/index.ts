export { type FindExecutableOptions, findExecutable } from '@winguest/shell';
export { probeQemuImg } from './_bin-dirs';
export {
  type Accelerator,
  type AcceleratorChoice,
  type AcceleratorProbeOptions,
  probeAccelerator,
  probeHvf,
  probeKvm,
  probeWhpx,
  type WorkingAccelerator,
} from './accelerator';
export { type AcceleratorDecision, type AcceleratorRequest, chooseAccelerator } from './choose-accelerator';
export {
  type FirmwareChoice,
  type FirmwareProbeOptions,
  type FirmwareRequirements,
  probeFirmware,
  selectFirmware,
} from './firmware';
export {
  type DescriptorDirOptions,
  type FirmwareDescriptor,
  firmwareDescriptorDirs,
  readFirmwareDescriptors,
} from './firmware-descriptors';
export { type HostCheck, type HostReport, hostCheckSchema, hostReportSchema } from './host-report';
export { type HostProbe, type HostProbeOptions, probeHost } from './probe-host';
export { type GuestArch, type ProbeResult, qemuBinaryNames } from './probe-result';
export { parseQemuVersion, probeQemu, type QemuBinary, type QemuVersion } from './qemu-binary';
export { type CommandResult, type CommandRunner, runCommand } from './run-command';
export { chooseShareMode, type ShareMode } from './share-mode';
export { probeSmbd, type Smbd, smbdPaths } from './smbd';
export { probeSwtpm, type SwtpmBinary } from './swtpm';
export { defaultProbeCacheDir } from './verdict-cache';
export { readVhostUserDescriptors, type VhostUserDescriptor } from './vhost-user-descriptors';
export {
  probeVirtiofsd,
  type Virtiofsd,
  type VirtiofsdProbeOptions,
  virtiofsdFallbacks,
} from './virtiofsd';
