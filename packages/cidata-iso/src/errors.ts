const marker = Symbol.for('winguest.cidata-iso.error');

/** What went wrong, as a stable string callers can switch on. */
export type CidataIsoErrorCode =
  | 'invalid-layout'
  | 'invalid-option'
  | 'source-missing'
  | 'source-changed'
  | 'destination-exists'
  | 'write-failed'
  | 'not-an-iso'
  | 'corrupt-iso'
  | 'entry-not-found'
  | 'tool-not-found'
  | 'tool-failed';

/**
 * The base of every error this package throws. Recognise it with `CidataIsoError.isInstance(e)`,
 * which works across duplicate installs of the package.
 */
export class CidataIsoError extends Error {
  protected readonly [marker] = true;
  readonly code: CidataIsoErrorCode;

  constructor(code: CidataIsoErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CidataIsoError';
    this.code = code;
  }

  static isInstance(error: unknown): error is CidataIsoError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}

/** One problem in a layout: where (`entries[2].path`, `options.volumeLabel`) and what. */
export interface LayoutIssue {
  /** Where the problem is, e.g. `entries[2].path`. */
  path: string;
  /** What is wrong and what to do, naming the offending value. */
  message: string;
}

/** A layout or option breaks a rule; `issues` lists every problem found, not just the first. */
export class InvalidLayoutError extends CidataIsoError {
  readonly issues: readonly LayoutIssue[];

  constructor(issues: readonly LayoutIssue[]) {
    const lines = issues.map((i) => `  ${i.path}: ${i.message}`).join('\n');
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super('invalid-layout', `The ISO layout has ${count}:\n${lines}`);
    this.name = 'InvalidLayoutError';
    this.issues = issues;
  }
}

/** An option has a value this package cannot use (bad timestamp, SOURCE_DATE_EPOCH, label …). */
export class InvalidOptionError extends CidataIsoError {
  constructor(option: string, value: unknown, why: string) {
    super('invalid-option', `The "${option}" option ${why}: ${JSON.stringify(String(value))}.`);
    this.name = 'InvalidOptionError';
  }
}

/** A source file or directory named in the layout cannot be read. */
export class SourceMissingError extends CidataIsoError {
  constructor(imagePath: string, hostPath: string, cause: unknown) {
    super('source-missing', `Cannot read the source of "${imagePath}": ${hostPath} (${describe(cause)}).`, {
      cause,
    });
    this.name = 'SourceMissingError';
  }
}

/** A source delivered a different number of bytes than it declared or had when the image was planned. */
export class SourceChangedError extends CidataIsoError {
  constructor(imagePath: string, expected: number, actual: string) {
    super(
      'source-changed',
      `The source of "${imagePath}" changed while the image was written: expected ${expected} bytes, got ${actual}. Do not modify sources during the write, or declare the right size.`,
    );
    this.name = 'SourceChangedError';
  }
}

/** The destination exists and `overwrite` was not set. */
export class DestinationExistsError extends CidataIsoError {
  constructor(destination: string) {
    super('destination-exists', `${destination} already exists; pass overwrite: true to replace it.`);
    this.name = 'DestinationExistsError';
  }
}

/** Writing the image failed (disk full, permissions, …); the destination was left untouched. */
export class WriteFailedError extends CidataIsoError {
  constructor(destination: string, cause: unknown) {
    super(
      'write-failed',
      `Writing ${destination} failed (${describe(cause)}); the destination was left untouched.`,
      { cause },
    );
    this.name = 'WriteFailedError';
  }
}

/** A file is not an ISO 9660 image, or its structures are damaged. */
export class NotAnIsoError extends CidataIsoError {
  constructor(path: string, why: string) {
    super('not-an-iso', `${path} is not a readable ISO 9660 image: ${why}.`);
    this.name = 'NotAnIsoError';
  }
}

/**
 * An ISO 9660 image whose structures contradict the bytes really there: a length past the end of the
 * file (a truncated image), a directory larger than the reader accepts, a record that runs past its
 * extent. `offset` is the byte in the image where the bad field's record starts; `field` names it.
 */
export class CorruptIsoError extends CidataIsoError {
  readonly offset: number;
  readonly field: string;

  constructor(path: string, offset: number, field: string, why: string) {
    super('corrupt-iso', `${path} is damaged at byte ${offset} (${field}): ${why}.`);
    this.name = 'CorruptIsoError';
    this.offset = offset;
    this.field = field;
  }
}

/** A path asked of `readIso(...)` does not name a file in the image. */
export class EntryNotFoundError extends CidataIsoError {
  constructor(isoPath: string, entryPath: string) {
    super('entry-not-found', `${isoPath} has no file "${entryPath}"; list entries to see what it holds.`);
    this.name = 'EntryNotFoundError';
  }
}

/** Short description of an unknown thrown value, for messages. */
export function describe(cause: unknown): string {
  if (cause instanceof Error) return 'code' in cause && cause.code ? String(cause.code) : cause.message;
  return String(cause);
}
