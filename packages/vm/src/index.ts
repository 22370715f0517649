export { abortOnSignals } from './abort-on-signals';
export { type AgentFrameKind, agentFrameKinds, agentProtocolVersion } from './agent-frames';
export { type CreateImageOptions, createImage } from './create-image';
export {
  PreflightError,
  type PreflightIssue,
  VmError,
  type VmErrorCode,
  type VmFailureContext,
} from './errors';
export type {
  ActionEvent,
  FirmwareEvent,
  RebootEvent,
  ScreenshotEvent,
  SerialEvent,
  StageEvent,
  StepEvent,
  VmEvent,
  VmEventListener,
  WarningEvent,
} from './events';
export {
  agentShutdown,
  type GuestFacts,
  guestFactsSchema,
  readGuestFacts,
  syncGuestClock,
} from './guest-agent';
export { copyWithGuest, type GuestCopyOptions, type GuestCopyResult } from './guest-copy';
export { probeVmHost, type VmHost } from './host-probe';
export {
  type ImageMetadata,
  imageBootSchema,
  imageGuestSchema,
  imageMetadataSchema,
} from './image-metadata';
export { type ImagePaths, imagePaths } from './image-paths';
export { type InstanceRef, type OpenedInstance, openInstance } from './instance';
export { instanceNameSchema } from './instance-name';
export { type InstancePaths, instancePaths } from './instance-paths';
export { type InstanceState, type InstanceStateRecord, instanceStates } from './instance-state';
export { type InstanceSummary, listInstances } from './list';
export { type ImageSummary, imageSummarySchema, inspectImage, listImages } from './list-images';
export {
  type InstanceListEntry,
  instanceListEntrySchema,
  instanceListSchema,
  listInstancesWithGuest,
} from './list-json';
export { acquireLock, type InstanceLock } from './lock';
export { type InstanceLogs, instanceLogs } from './logs';
export type { BootMode, StageTiming } from './progress-tracker';
export { removeInstance } from './remove';
export { removeImage } from './remove-image';
export { type RestoreSnapshotOptions, type RestoreSnapshotResult, restoreSnapshot } from './restore-snapshot';
export { takeScreenshot } from './screenshot';
export { listSnapshots, removeSnapshot, type SnapshotSummary, saveSnapshot } from './snapshot';
export { snapshotNameSchema } from './snapshot-names';
export { execOverRunningAgent, type SshStreams } from './ssh-agent-client';
export {
  type AgentExit,
  type AgentRequest,
  type AgentStatus,
  agentErrorSchema,
  agentExitSchema,
  agentRequestSchema,
  agentStatusSchema,
} from './ssh-agent-protocol';
export { type SshAgentOptions, serveSshAgent, sshAgentStatus } from './ssh-agent-server';
export type { SshCommandResult } from './ssh-client';
export { instanceSsh, type SshConnection, sshExec } from './ssh-connection';
export { type SshAgentLauncher, type SshExecStreamingOptions, sshExecStreaming } from './ssh-exec-streaming';
export { type Stage, stages } from './stages';
export { start } from './start';
export { defaultHome, type HomeOptions } from './state-dir';
export { type StopOptions, type StopResult, stop } from './stop';
export { sysprepAnswerPath, sysprepCommands } from './sysprep';
export { defaultTimeouts } from './timeouts';
export { type UpResult, type UpRunOptions, up } from './up';
export {
  type UpJsonLine,
  upErrorLineSchema,
  upEventLineSchema,
  upJsonLineSchema,
  upResultLineSchema,
  upStageTimingSchema,
} from './up-json';
export { type InstanceConfig, type UpOptions, type UpOptionsInput, upOptionsSchema } from './up-options';
