const marker = Symbol.for('winguest.password-encoding.error');

/** What went wrong, as a stable string callers can switch on. */
export type PasswordEncodingErrorCode =
  | 'invalid-field'
  | 'invalid-character'
  | 'invalid-encoding'
  | 'field-mismatch';

/**
 * The base of every error this package throws. Messages never contain the password itself.
 * Recognise it with `PasswordEncodingError.isInstance(e)`, which works across duplicate installs.
 */
export class PasswordEncodingError extends Error {
  protected readonly [marker] = true;
  readonly code: PasswordEncodingErrorCode;

  constructor(code: PasswordEncodingErrorCode, message: string) {
    super(message);
    this.name = 'PasswordEncodingError';
    this.code = code;
  }

  static isInstance(error: unknown): error is PasswordEncodingError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}

/** A password holds a character that an answer file cannot carry (or a broken UTF-16 surrogate). */
export class InvalidPasswordCharacterError extends PasswordEncodingError {
  /** Index in the JavaScript string (UTF-16 code units). */
  readonly index: number;
  /** The offending code point or lone surrogate, e.g. 0x7. */
  readonly codePoint: number;

  constructor(index: number, codePoint: number, why: string) {
    super(
      'invalid-character',
      `Password character ${formatCodePoint(codePoint)} at index ${index} ${why}; remove it or choose another password.`,
    );
    this.name = 'InvalidPasswordCharacterError';
    this.index = index;
    this.codePoint = codePoint;
  }
}

/** An encoded value is not base64 of UTF-16LE text. */
export class InvalidEncodedPasswordError extends PasswordEncodingError {
  constructor(problem: string) {
    super('invalid-encoding', `Encoded password is not valid: ${problem}.`);
    this.name = 'InvalidEncodedPasswordError';
  }
}

/** An encoded value decodes, but not with the suffix of the field it was read for. */
export class PasswordFieldMismatchError extends PasswordEncodingError {
  /** The field the caller asked for. */
  readonly expected: string;
  /** The fields whose suffix the decoded text does end with (may be empty). */
  readonly matches: readonly string[];

  constructor(expected: string, matches: readonly string[]) {
    const hint =
      matches.length > 0
        ? `it was encoded for <${matches[0]}>; move it there or re-encode it for <${expected}>`
        : 'it was encoded for neither <Password> nor <AdministratorPassword>; re-encode it';
    super('field-mismatch', `Encoded password does not end with the suffix "${expected}": ${hint}.`);
    this.name = 'PasswordFieldMismatchError';
    this.expected = expected;
    this.matches = matches;
  }
}

function formatCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}
