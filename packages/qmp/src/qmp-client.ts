import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { JsonLinesChannel } from './_json-lines-channel';
import { QmpClosedError, QmpError, QmpTimeoutError } from './errors';
import type { QmpCommandName, QmpCommands, QmpEvent, QmpGreeting } from './types';

/** Per-call options of {@link QmpClient.execute}. */
export interface QmpExecuteOptions {
  /** Reject with `QmpTimeoutError` when no reply arrives in time. Default: the client's `commandTimeoutMs`. */
  timeoutMs?: number;
}

/** Arguments of `command`: typed for the commands in {@link QmpCommands}, a plain object otherwise. */
export type QmpArgs<C extends string> = C extends QmpCommandName
  ? QmpCommands[C]['args']
  : Record<string, unknown>;
/** Result of `command`: typed for the commands in {@link QmpCommands}, `unknown` otherwise. */
export type QmpResult<C extends string> = C extends QmpCommandName ? QmpCommands[C]['result'] : unknown;

/** The events a {@link QmpClient} emits: every QMP event, and `close` once (with the socket error, if any). */
export interface QmpClientEvents {
  event: [QmpEvent];
  close: [Error | undefined];
}

/**
 * A QMP connection. Create it with `connectQmp()`, which waits for the greeting and negotiates
 * capabilities. Replies are matched to commands by id; events arrive separately as `'event'`.
 * When the socket closes (QEMU exits, or resets the connection on `quit`) every pending call
 * rejects with `QmpClosedError` and `'close'` is emitted.
 */
export class QmpClient extends EventEmitter<QmpClientEvents> {
  readonly #channel: JsonLinesChannel;
  readonly #commandTimeoutMs: number;
  readonly #greeting: Promise<QmpGreeting>;
  #resolveGreeting!: (greeting: QmpGreeting) => void;
  #rejectGreeting!: (error: Error) => void;

  /** Wraps a connected socket. Prefer `connectQmp()`, which also does the handshake. */
  constructor(socket: Socket, options: { commandTimeoutMs?: number } = {}) {
    super();
    this.#commandTimeoutMs = options.commandTimeoutMs ?? 30_000;
    this.#greeting = new Promise((resolve, reject) => {
      this.#resolveGreeting = resolve;
      this.#rejectGreeting = reject;
    });
    this.#greeting.catch(() => {});
    this.#channel = new JsonLinesChannel(socket, {
      protocol: 'QMP',
      commandTimeoutMs: this.#commandTimeoutMs,
      onOther: (m) => {
        if ('QMP' in m) this.#resolveGreeting(m.QMP as QmpGreeting);
        else if (typeof m.event === 'string') this.emit('event', m as unknown as QmpEvent);
      },
      onClose: (cause) => {
        this.#rejectGreeting(new QmpClosedError('the greeting', cause));
        this.emit('close', cause);
      },
    });
  }

  /** Resolves with QEMU's greeting (version and offered capabilities). */
  get greeting(): Promise<QmpGreeting> {
    return this.#greeting;
  }

  /** Whether the connection has closed. */
  get closed(): boolean {
    return this.#channel.closed;
  }

  /**
   * Sends a command and resolves with its `return` value.
   * @throws QmpCommandError when QEMU answers with an error; QmpTimeoutError when no reply arrives
   *   within the timeout; QmpClosedError when the connection closes first.
   */
  execute<C extends string>(
    command: C,
    args?: QmpArgs<C>,
    options: QmpExecuteOptions = {},
  ): Promise<QmpResult<C>> {
    return this.#channel.request(command, args, options.timeoutMs) as Promise<QmpResult<C>>;
  }

  /**
   * Resolves with the next event named `name` (and matching `filter`, if given).
   * @throws QmpTimeoutError after `timeoutMs` (default: the client's command timeout); QmpClosedError
   *   when the connection closes first.
   */
  waitForEvent(
    name: string,
    options: { timeoutMs?: number; filter?: (event: QmpEvent) => boolean } = {},
  ): Promise<QmpEvent> {
    const operation = `event ${name}`;
    if (this.closed) return Promise.reject(new QmpClosedError(operation, this.#channel.socketError));
    const timeoutMs = options.timeoutMs ?? this.#commandTimeoutMs;
    return new Promise((resolve, reject) => {
      const finish = (error?: Error, event?: QmpEvent) => {
        clearTimeout(timer);
        this.off('event', onEvent);
        this.off('close', onClose);
        if (error) reject(error);
        else resolve(event as QmpEvent);
      };
      const onEvent = (event: QmpEvent) => {
        if (event.event === name && (options.filter?.(event) ?? true)) finish(undefined, event);
      };
      const onClose = (cause?: Error) => finish(new QmpClosedError(operation, cause));
      const timer = setTimeout(() => finish(new QmpTimeoutError(operation, timeoutMs)), timeoutMs);
      this.on('event', onEvent);
      this.on('close', onClose);
    });
  }

  /**
   * Asks QEMU to exit and resolves once the connection has closed. QEMU may reset the socket
   * before or after it replies; both count as success.
   */
  async quit(options: QmpExecuteOptions = {}): Promise<void> {
    const closed = this.#channel.whenClosed();
    await this.execute('quit', undefined, options).catch((error: unknown) => {
      if (!(QmpError.isInstance(error) && error.code === 'closed')) throw error;
    });
    await closed;
  }

  /** Closes the connection; pending calls reject with `QmpClosedError`. Resolves once closed. */
  close(): Promise<void> {
    return this.#channel.close();
  }
}
