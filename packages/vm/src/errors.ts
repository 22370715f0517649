import type { Stage } from './stages';

const marker = Symbol.for('winguest.vm.error');

/** What went wrong, as a stable string callers can switch on. */
export type VmErrorCode =
  | 'invalid-options'
  | 'preflight-failed'
  | 'instance-not-found'
  | 'instance-locked'
  | 'instance-running'
  | 'not-running'
  | 'command-failed'
  | 'qemu-exited'
  | 'guest-failed'
  | 'stage-timeout'
  | 'aborted'
  | 'ssh-failed'
  | 'copy-failed'
  | 'image-exists'
  | 'image-not-found'
  | 'image-in-use'
  | 'not-installed';

/** What the runner knew about a VM when it failed: where it was and what it last showed. */
export interface VmFailureContext {
  /** The install/boot stage the VM was in. */
  stage?: Stage;
  /** The last lines of the serial console (newest last). */
  serialTail?: string[];
  /** The newest screenshot's path, when one was taken. */
  screenshot?: string;
  /** QEMU's stderr, when QEMU exited. */
  stderr?: string;
}

/**
 * The base of every error this package throws. Recognise it with `VmError.isInstance(e)`, which
 * works across duplicate installs. Failures of a running VM carry `stage`, `serialTail`,
 * `screenshot` and `stderr` so a caller can show where it stopped and what the screen showed.
 */
export class VmError extends Error implements VmFailureContext {
  protected readonly [marker] = true;
  readonly code: VmErrorCode;
  readonly stage?: Stage;
  readonly serialTail: string[];
  readonly screenshot?: string;
  readonly stderr?: string;

  constructor(code: VmErrorCode, message: string, context: VmFailureContext & ErrorOptions = {}) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause });
    this.name = 'VmError';
    this.code = code;
    this.stage = context.stage;
    this.serialTail = context.serialTail ?? [];
    this.screenshot = context.screenshot;
    this.stderr = context.stderr;
  }

  static isInstance(error: unknown): error is VmError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}

/** One problem found before anything was created. */
export interface PreflightIssue {
  /** What kind of problem. */
  code:
    | 'invalid-option'
    | 'missing-file'
    | 'qemu-missing'
    | 'qemu-img-missing'
    | 'firmware-missing'
    | 'swtpm-missing'
    | 'virtiofsd-missing'
    | 'accelerator-unavailable'
    | 'port-in-use';
  /** The option it concerns, e.g. `media.windows`, `ports.ssh`. */
  path: string;
  /** What is wrong and what to do. */
  message: string;
}

/** Options or host are not fit to run the VM; nothing was created. Lists every problem at once. */
export class PreflightError extends VmError {
  readonly issues: PreflightIssue[];

  constructor(issues: PreflightIssue[]) {
    const lines = issues.map((issue) => `  ${issue.path}: ${issue.message}`);
    super('preflight-failed', `Cannot start the VM; nothing was created:\n${lines.join('\n')}`);
    this.name = 'PreflightError';
    this.issues = issues;
  }
}
