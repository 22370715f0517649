const marker = Symbol.for('winguest.guest.error');

/** What went wrong, as a stable string callers can switch on. */
export type GuestErrorCode = 'invalid-guest' | 'media-mismatch';

/** One problem of a guest description: where (`vm.cpus`), what, and the value (never a secret). */
export interface GuestIssue {
  path: string;
  message: string;
  value?: unknown;
}

/** The base of every error this package throws; recognise it with `GuestError.isInstance(e)`. */
export class GuestError extends Error {
  protected readonly [marker] = true;
  readonly code: GuestErrorCode;
  /** Every problem found, each with its path. */
  readonly issues: readonly GuestIssue[];

  constructor(code: GuestErrorCode, message: string, issues: readonly GuestIssue[] = []) {
    super(message);
    this.name = 'GuestError';
    this.code = code;
    this.issues = issues;
  }

  /** True for a GuestError from any copy of this package. */
  static isInstance(error: unknown): error is GuestError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}

/** The description is not valid; `issues` lists every problem at once. */
export class InvalidGuestError extends GuestError {
  constructor(issues: readonly GuestIssue[]) {
    const lines = issues.map((issue) => `  ${issue.path}: ${issue.message}`);
    const count = `${issues.length} problem${issues.length === 1 ? '' : 's'}`;
    super('invalid-guest', `The guest description is not valid (${count}):\n${lines.join('\n')}`, issues);
    this.name = 'InvalidGuestError';
  }
}

/** The install media does not hold what the description asks for (edition, arch, language). */
export class MediaMismatchError extends GuestError {
  constructor(label: string, issues: readonly GuestIssue[]) {
    super('media-mismatch', `The guest description does not match ${label}`, issues);
    this.name = 'MediaMismatchError';
  }
}
