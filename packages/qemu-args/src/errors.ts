const marker = Symbol.for('winguest.qemu-args.error');

/** What went wrong, as a stable string callers can switch on. */
export type QemuArgsErrorCode = 'invalid-spec' | 'unformattable-argument';

/** One problem (or warning) found in a VM spec or host description, with where it is. */
export interface QemuArgsIssue {
  /** Dotted path of the offending field, e.g. `spec.disk.interface`, `host.tpmSocket`. */
  path: string;
  /** What is wrong, the value, and what to do. */
  message: string;
}

/**
 * The base of every error this package throws.
 * Recognise it with `QemuArgsError.isInstance(e)`, which works across duplicate installs.
 */
export class QemuArgsError extends Error {
  protected readonly [marker] = true;
  readonly code: QemuArgsErrorCode;

  constructor(code: QemuArgsErrorCode, message: string) {
    super(message);
    this.name = 'QemuArgsError';
    this.code = code;
  }

  static isInstance(error: unknown): error is QemuArgsError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}

/** The spec or host description has problems; `issues` lists every one of them. */
export class InvalidQemuSpecError extends QemuArgsError {
  readonly issues: readonly QemuArgsIssue[];

  constructor(issues: readonly QemuArgsIssue[]) {
    const lines = issues.map((issue) => `  ${issue.path}: ${issue.message}`).join('\n');
    super('invalid-spec', `The VM cannot be built (${issues.length} problem(s)):\n${lines}`);
    this.name = 'InvalidQemuSpecError';
    this.issues = issues;
  }
}

/** An argument cannot be written for the chosen shell (e.g. a line break for cmd.exe). */
export class UnformattableArgumentError extends QemuArgsError {
  readonly index: number;

  constructor(index: number, shell: string, why: string) {
    super('unformattable-argument', `Argument ${index} cannot be written for ${shell}: ${why}.`);
    this.name = 'UnformattableArgumentError';
    this.index = index;
  }
}
