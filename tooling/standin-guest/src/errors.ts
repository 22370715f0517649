const marker = Symbol.for('winguest.standin-guest.error');

/** What went wrong, as a stable string callers can switch on. */
export type StandinGuestErrorCode =
  | 'apt-failed'
  | 'package-not-found'
  | 'module-not-found'
  | 'library-not-found'
  | 'invalid-option'
  | 'boot-media-failed';

/**
 * The base of every error this package throws. Recognise it with `StandinGuestError.isInstance(e)`,
 * which works across duplicate installs.
 */
export class StandinGuestError extends Error {
  protected readonly [marker] = true;
  readonly code: StandinGuestErrorCode;

  constructor(code: StandinGuestErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StandinGuestError';
    this.code = code;
  }

  static isInstance(error: unknown): error is StandinGuestError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
