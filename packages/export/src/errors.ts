const marker = Symbol.for('winguest.export.error');

/** What went wrong, as a stable string callers can switch on. */
export type ExportErrorCode = 'invalid-export';

/** One problem found while exporting, with where it is. */
export interface ExportIssue {
  /** Dotted path of the offending field, e.g. `spec.disk.interface`, `options.sysprep`. */
  path: string;
  /** What is wrong, the value, and what to do. */
  message: string;
}

/**
 * The base of every error this package throws.
 * Recognise it with `ExportError.isInstance(e)`, which works across duplicate installs.
 */
export class ExportError extends Error {
  protected readonly [marker] = true;
  readonly code: ExportErrorCode;
  readonly issues: readonly ExportIssue[];

  constructor(code: ExportErrorCode, message: string, issues: readonly ExportIssue[] = []) {
    super(message);
    this.name = 'ExportError';
    this.code = code;
    this.issues = issues;
  }

  static isInstance(error: unknown): error is ExportError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}

/** The VM spec or the options cannot be expressed for the target engine; `issues` lists every problem. */
export class InvalidExportError extends ExportError {
  constructor(target: string, issues: readonly ExportIssue[]) {
    const lines = issues.map((issue) => `  ${issue.path}: ${issue.message}`).join('\n');
    super(
      'invalid-export',
      `The VM cannot be exported to ${target} (${issues.length} problem(s)):\n${lines}`,
      issues,
    );
    this.name = 'InvalidExportError';
  }
}
