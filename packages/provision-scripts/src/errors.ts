const marker = Symbol.for('winguest.provision-scripts.error');

/** What went wrong, as a stable string callers can switch on. */
export type ProvisionScriptsErrorCode = 'invalid-spec' | 'invalid-launcher-options' | 'unencodable-text';

/** One validation problem: where it is (`authorizedKeys.keys[1]`) and what is wrong with it. */
export interface ValidationIssue {
  /** Dotted path into the input, with `[n]` for array items; empty for the input itself. */
  path: string;
  /** What is wrong, naming the offending value and the fix. */
  message: string;
}

/**
 * The base of every error this package throws. Recognise it with
 * `ProvisionScriptsError.isInstance(e)`, which works across duplicate installs.
 */
export class ProvisionScriptsError extends Error {
  protected readonly [marker] = true;
  readonly code: ProvisionScriptsErrorCode;

  constructor(code: ProvisionScriptsErrorCode, message: string) {
    super(message);
    this.name = 'ProvisionScriptsError';
    this.code = code;
  }

  static isInstance(error: unknown): error is ProvisionScriptsError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}

/** The input failed validation; `issues` lists every problem at once, each with its path. */
export class InvalidInputError extends ProvisionScriptsError {
  readonly issues: readonly ValidationIssue[];

  constructor(code: 'invalid-spec' | 'invalid-launcher-options', what: string, issues: ValidationIssue[]) {
    const lines = issues.map((issue) => `  ${issue.path || '(root)'}: ${issue.message}`);
    super(
      code,
      `${what} is not valid (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}`,
    );
    this.name = 'InvalidInputError';
    this.issues = issues;
  }

  /** True for this package's validation errors (from any installed copy of it). */
  static override isInstance(error: unknown): error is InvalidInputError {
    return (
      ProvisionScriptsError.isInstance(error) &&
      (error.code === 'invalid-spec' || error.code === 'invalid-launcher-options') &&
      'issues' in error
    );
  }
}

/**
 * A string cannot go into a script: it holds a lone UTF-16 surrogate (UTF-8 cannot carry it) or
 * U+0000 (Windows APIs cut strings there, and tools treat the file as binary).
 */
export class UnencodableTextError extends ProvisionScriptsError {
  /** Index of the offending code unit in the JavaScript string. */
  readonly index: number;

  constructor(index: number, what: 'a lone UTF-16 surrogate' | 'U+0000 (NUL)') {
    super(
      'unencodable-text',
      `Text has ${what} at index ${index}, which a PowerShell script cannot carry; remove it.`,
    );
    this.name = 'UnencodableTextError';
    this.index = index;
  }
}
