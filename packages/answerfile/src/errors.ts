const marker = Symbol.for('winguest.answerfile.error');

/** What went wrong, as a stable string callers can switch on. */
export type AnswerFileErrorCode = 'invalid-spec' | 'invalid-xml';

/**
 * The base of every error this package throws. Recognise it with `AnswerFileError.isInstance(e)`,
 * which works across duplicate installs of the package.
 */
export class AnswerFileError extends Error {
  protected readonly [marker] = true;
  /** Stable identifier of the failure. */
  readonly code: AnswerFileErrorCode;

  constructor(code: AnswerFileErrorCode, message: string) {
    super(message);
    this.name = 'AnswerFileError';
    this.code = code;
  }

  /** Whether `error` is an error of this package (any copy of it). */
  static isInstance(error: unknown): error is AnswerFileError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}

/** One problem with a spec: where it is, what is wrong, and the value found there. */
export interface SpecIssue {
  /** Dotted path into the spec, e.g. `identity.accounts[1].name`; empty for the spec itself. */
  path: string;
  /** What is wrong and what to do, naming the value. */
  message: string;
  /** The offending value (undefined when it is missing). */
  value: unknown;
}

/** The spec given to `renderAnswerFile` / `resolveAnswerFileSpec` is invalid; lists every problem. */
export class AnswerFileSpecError extends AnswerFileError {
  /** Every problem found, in spec order. */
  readonly issues: readonly SpecIssue[];

  constructor(issues: readonly SpecIssue[]) {
    const lines = issues.map((issue) => `  ${issue.path || '(spec)'}: ${issue.message}`);
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super('invalid-spec', `The answer file spec has ${count}:\n${lines.join('\n')}`);
    this.name = 'AnswerFileSpecError';
    this.issues = issues;
  }
}

/** The text is not well-formed, namespace-correct XML. */
export class AnswerFileParseError extends AnswerFileError {
  /** 1-based line of the problem. */
  readonly line: number;
  /** 1-based column of the problem. */
  readonly column: number;
  /** The parser's description, without the position. */
  readonly reason: string;

  constructor(reason: string, line: number, column: number) {
    super(
      'invalid-xml',
      `The answer file is not well-formed XML at line ${line}, column ${column}: ${reason}.`,
    );
    this.name = 'AnswerFileParseError';
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
}
