const marker = Symbol.for('winguest.e2e.error');

/** What went wrong, as a stable string callers can switch on. */
export type E2eErrorCode =
  | 'invalid-scenario'
  | 'unknown-scenario'
  | 'invalid-arguments'
  | 'cli-protocol'
  | 'invalid-results';

/** The base of every error the harness throws; `E2eError.isInstance(e)` works across copies. */
export class E2eError extends Error {
  protected readonly [marker] = true;
  readonly code: E2eErrorCode;

  constructor(code: E2eErrorCode, message: string) {
    super(message);
    this.name = 'E2eError';
    this.code = code;
  }

  static isInstance(error: unknown): error is E2eError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}

/** Every zod issue as `path: message`, joined, for error messages that report all problems at once. */
export function formatIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
