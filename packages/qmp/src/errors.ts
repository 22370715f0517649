const marker = Symbol.for('winguest.qmp.error');

/** Which protocol a message is about: QEMU's monitor (QMP) or the guest agent (QGA). */
export type QmpProtocol = 'QMP' | 'QGA';

/** What went wrong, as a stable string callers can switch on. */
export type QmpErrorCode = 'connect-failed' | 'protocol-error' | 'command-failed' | 'timeout' | 'closed';

/**
 * The base of every error this package throws or rejects with.
 * Recognise it with `QmpError.isInstance(e)`, which works across duplicate installs.
 */
export class QmpError extends Error {
  protected readonly [marker] = true;
  readonly code: QmpErrorCode;

  constructor(code: QmpErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'QmpError';
    this.code = code;
  }

  static isInstance(error: unknown): error is QmpError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}

/** QEMU answered a command with `{"error": {"class", "desc"}}`. */
export class QmpCommandError extends QmpError {
  /** The command that failed, e.g. `"eject"`. */
  readonly command: string;
  /** QEMU's error class, e.g. `"GenericError"`, `"DeviceNotFound"`, `"CommandNotFound"`. */
  readonly errorClass: string;
  /** QEMU's human-readable description. */
  readonly description: string;

  constructor(command: string, errorClass: string, description: string, protocol: QmpProtocol = 'QMP') {
    super('command-failed', `${protocol} command "${command}" failed (${errorClass}): ${description}`);
    this.name = 'QmpCommandError';
    this.command = command;
    this.errorClass = errorClass;
    this.description = description;
  }
}

/** A command or a wait got no answer in time. The connection stays usable. */
export class QmpTimeoutError extends QmpError {
  /** What timed out: a command name, `"greeting"`, or `"event <NAME>"`. */
  readonly operation: string;
  /** The timeout that elapsed, in milliseconds. */
  readonly timeoutMs: number;

  constructor(operation: string, timeoutMs: number, protocol: QmpProtocol = 'QMP') {
    const hint =
      protocol === 'QMP'
        ? 'raise timeoutMs if QEMU is busy'
        : 'is the guest agent installed and running in the guest (service QEMU-GA on Windows)?';
    super('timeout', `${protocol} ${operation} got no answer within ${timeoutMs} ms; ${hint}`);
    this.name = 'QmpTimeoutError';
    this.operation = operation;
    this.timeoutMs = timeoutMs;
  }
}

/** The connection closed (QEMU exited, reset the socket on `quit`, or `close()` was called). */
export class QmpClosedError extends QmpError {
  /** What was waiting when the connection closed: a command name or `"event <NAME>"`. */
  readonly operation: string;

  constructor(operation: string, cause?: Error, protocol: QmpProtocol = 'QMP') {
    const why = cause ? `: ${cause.message}` : '';
    super('closed', `${protocol} connection closed before ${operation} completed${why}.`, { cause });
    this.name = 'QmpClosedError';
    this.operation = operation;
  }
}
