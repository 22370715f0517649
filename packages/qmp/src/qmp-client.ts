import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { QmpClosedError, QmpCommandError, QmpError, QmpTimeoutError } from './errors';
import { jsonLineSplitter } from './json-lines';
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

interface Pending {
  command: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * A QMP connection. Create it with `connectQmp()`, which waits for the greeting and negotiates
 * capabilities. Replies are matched to commands by id; events arrive separately as `'event'`.
 * When the socket closes (QEMU exits, or resets the connection on `quit`) every pending call
 * rejects with `QmpClosedError` and `'close'` is emitted.
 */
export class QmpClient extends EventEmitter<QmpClientEvents> {
  readonly #socket: Socket;
  readonly #pending = new Map<string, Pending>();
  readonly #commandTimeoutMs: number;
  readonly #greeting: Promise<QmpGreeting>;
  #resolveGreeting!: (greeting: QmpGreeting) => void;
  #rejectGreeting!: (error: Error) => void;
  #nextId = 1;
  #closed = false;
  #socketError: Error | undefined;

  /** Wraps a connected socket. Prefer `connectQmp()`, which also does the handshake. */
  constructor(socket: Socket, options: { commandTimeoutMs?: number } = {}) {
    super();
    this.#socket = socket;
    this.#commandTimeoutMs = options.commandTimeoutMs ?? 30_000;
    this.#greeting = new Promise((resolve, reject) => {
      this.#resolveGreeting = resolve;
      this.#rejectGreeting = reject;
    });
    this.#greeting.catch(() => {});
    const push = jsonLineSplitter(
      (message) => this.#dispatch(message),
      (line) =>
        this.#fail(new QmpError('protocol-error', `QMP sent a line that is not JSON: ${line.slice(0, 200)}`)),
    );
    socket.on('data', push);
    socket.on('error', (error) => {
      this.#socketError ??= error;
    });
    socket.on('close', () => this.#onClose());
  }

  /** Resolves with QEMU's greeting (version and offered capabilities). */
  get greeting(): Promise<QmpGreeting> {
    return this.#greeting;
  }

  /** Whether the connection has closed. */
  get closed(): boolean {
    return this.#closed;
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
    if (this.#closed) return Promise.reject(new QmpClosedError(`"${command}"`, this.#socketError));
    const id = `winguest-${this.#nextId++}`;
    const timeoutMs = options.timeoutMs ?? this.#commandTimeoutMs;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new QmpTimeoutError(`command "${command}"`, timeoutMs));
      }, timeoutMs);
      this.#pending.set(id, { command, resolve: resolve as (v: unknown) => void, reject, timer });
      const message =
        args === undefined ? { execute: command, id } : { execute: command, arguments: args, id };
      this.#socket.write(`${JSON.stringify(message)}\n`);
    });
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
    if (this.#closed) return Promise.reject(new QmpClosedError(operation, this.#socketError));
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
    const closed = this.#closedPromise();
    await this.execute('quit', undefined, options).catch((error: unknown) => {
      if (!(QmpError.isInstance(error) && error.code === 'closed')) throw error;
    });
    await closed;
  }

  /** Closes the connection; pending calls reject with `QmpClosedError`. Resolves once closed. */
  close(): Promise<void> {
    const closed = this.#closedPromise();
    this.#socket.destroySoon(); // flush, then close
    return closed;
  }

  #closedPromise(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    return new Promise((resolve) => this.once('close', () => resolve()));
  }

  #dispatch(message: unknown): void {
    if (typeof message !== 'object' || message === null) return;
    const m = message as Record<string, unknown>;
    if ('QMP' in m) this.#resolveGreeting(m.QMP as QmpGreeting);
    else if (typeof m.event === 'string') this.emit('event', m as unknown as QmpEvent);
    else if (typeof m.id === 'string') this.#settle(m.id, m);
  }

  #settle(id: string, reply: Record<string, unknown>): void {
    const pending = this.#pending.get(id);
    if (!pending) return; // timed out earlier
    this.#pending.delete(id);
    clearTimeout(pending.timer);
    const error = reply.error as { class?: string; desc?: string } | undefined;
    if (error)
      pending.reject(new QmpCommandError(pending.command, error.class ?? 'Unknown', error.desc ?? ''));
    else pending.resolve(reply.return);
  }

  #fail(error: Error): void {
    this.#socketError ??= error;
    this.#socket.destroy();
  }

  #onClose(): void {
    if (this.#closed) return;
    this.#closed = true;
    const cause = this.#socketError;
    this.#rejectGreeting(new QmpClosedError('the greeting', cause));
    for (const [id, pending] of this.#pending) {
      clearTimeout(pending.timer);
      this.#pending.delete(id);
      pending.reject(new QmpClosedError(`command "${pending.command}"`, cause));
    }
    this.emit('close', cause);
  }
}
