export {
  InvalidInputError,
  ProvisionScriptsError,
  type ProvisionScriptsErrorCode,
  UnencodableTextError,
  type ValidationIssue,
} from './errors';
export {
  type LauncherOptions,
  launcherDefaults,
  launcherOptionsSchema,
  maxCommandLineLength,
  renderLauncher,
} from './launcher';
export { powerShellLiteral, powerShellSingleQuotes } from './powershell-literal';
export {
  formatProgressLine,
  type ProgressLine,
  type ProgressStatus,
  parseProgressLine,
  progressStatuses,
  type ReadyProgress,
  type StepProgress,
  stepNamePattern,
} from './progress-line';
export { type ProvisionSpec, type ProvisionSpecInput, provisionSpecSchema } from './provision-spec';
export { renderProvisionScript } from './render-provision-script';
export { provisionDoneMarkerPath, provisionLogPath } from './runtime-core';
export { parseSshPublicKey, type SshKeyType, type SshPublicKey, sshKeyTypes } from './ssh-public-key';
export { type AuthorizedKeysStepOptions, administratorsKeyFileSids } from './steps/authorized-keys';
export type { DefaultShellStepOptions } from './steps/default-shell';
export type { GuestAgentStepOptions } from './steps/guest-agent';
export { type OpensshStepOptions, opensshCapabilityName } from './steps/openssh';
export type { PowerStepOptions } from './steps/power';
export { cachedAnswerFiles, type SecretsCleanupStepOptions } from './steps/secrets-cleanup';
export type { SharedFoldersStepOptions } from './steps/shared-folders';
export { reservedStepNames, type UserStepOptions } from './steps/user-steps';
