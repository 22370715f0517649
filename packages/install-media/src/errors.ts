const marker = Symbol.for('winguest.install-media.error');

/** What went wrong, as a stable string callers can switch on. */
export type InstallMediaErrorCode =
  | 'unsupported-filesystem'
  | 'corrupt-filesystem'
  | 'not-install-media'
  | 'unsupported-wim'
  | 'corrupt-wim'
  | 'invalid-selector'
  | 'edition-not-found'
  | 'ambiguous-edition'
  | 'driver-not-found';

/**
 * The base of every error this package throws. Recognise it with `InstallMediaError.isInstance(e)`,
 * which works across duplicate installs.
 */
export class InstallMediaError extends Error {
  protected readonly [marker] = true;
  readonly code: InstallMediaErrorCode;

  constructor(code: InstallMediaErrorCode, message: string) {
    super(message);
    this.name = 'InstallMediaError';
    this.code = code;
  }

  static isInstance(error: unknown): error is InstallMediaError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}

/** The image uses a file-system feature this reader does not implement, or is damaged. */
export class FileSystemError extends InstallMediaError {
  constructor(code: 'unsupported-filesystem' | 'corrupt-filesystem', message: string) {
    super(code, message);
    this.name = 'FileSystemError';
  }
}

/** The WIM/ESD/SWM header or XML metadata cannot be read. */
export class WimError extends InstallMediaError {
  constructor(code: 'unsupported-wim' | 'corrupt-wim', message: string) {
    super(code, message);
    this.name = 'WimError';
  }
}

/** The image has no `sources/install.wim`, `install.esd` or `install.swm`. */
export class NotInstallMediaError extends InstallMediaError {
  constructor(message: string) {
    super('not-install-media', message);
    this.name = 'NotInstallMediaError';
  }
}

/** An edition selector does not name exactly one image on the media. */
export class EditionError extends InstallMediaError {
  /** The editions the media holds (for `edition-not-found`) or that matched (for `ambiguous-edition`). */
  readonly editions: readonly { index: number; name: string; editionId: string | undefined }[];

  constructor(
    code: 'invalid-selector' | 'edition-not-found' | 'ambiguous-edition',
    message: string,
    editions: EditionError['editions'] = [],
  ) {
    super(code, message);
    this.name = 'EditionError';
    this.editions = editions;
  }
}

/** One driver (or agent MSI) the chosen devices need that the driver media lacks. */
export interface MissingDriver {
  /** The folder or file looked for, e.g. `viostor/2k25/amd64`, `guest-agent/qemu-ga-x86_64.msi`. */
  path: string;
  /** What needs it, e.g. `virtio-blk disk`. */
  neededFor: string;
}

/** The driver media lacks drivers the chosen devices need. Lists every missing one at once. */
export class DriverNotFoundError extends InstallMediaError {
  readonly missing: readonly MissingDriver[];

  constructor(media: string, missing: readonly MissingDriver[], fix: string) {
    const list = missing.map((m) => `${m.path} (for the ${m.neededFor})`).join(', ');
    super('driver-not-found', `The driver media ${media} has no ${list}. ${fix}`);
    this.name = 'DriverNotFoundError';
    this.missing = missing;
  }
}
