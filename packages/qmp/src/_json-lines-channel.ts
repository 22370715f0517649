import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { QmpClosedError, QmpCommandError, QmpError, type QmpProtocol, QmpTimeoutError } from './errors';
import { jsonLineSplitter } from './json-lines';

interface Pending {
  command: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** What a protocol on top of the channel decides: its name (for messages) and what to do with messages that are not replies. */
export interface ChannelOptions {
  protocol: QmpProtocol;
  /** Default timeout of `request()`, in ms. */
  commandTimeoutMs: number;
  /** Messages without a pending id: QMP's greeting and events; stale QGA replies. */
  onOther: (message: Record<string, unknown>) => void;
  /** Called once when the connection has closed, with the first socket error, if any. */
  onClose: (cause: Error | undefined) => void;
}

/**
 * The JSON-lines transport QMP and the guest agent share: one JSON object per line each way,
 * requests carrying an `id` their reply echoes, a timeout per request, and every pending request
 * rejected with `QmpClosedError` when the socket closes. Internal: clients wrap it.
 */
export class JsonLinesChannel {
  readonly #socket: Socket;
  readonly #options: ChannelOptions;
  readonly #pending = new Map<string, Pending>();
  /** Ids are unique across connections: an agent's channel can still hold replies to an earlier client. */
  readonly #idPrefix = `winguest-${randomBytes(4).toString('hex')}-`;
  #nextId = 1;
  #closed = false;
  #socketError: Error | undefined;

  constructor(socket: Socket, options: ChannelOptions) {
    this.#socket = socket;
    this.#options = options;
    const push = jsonLineSplitter(
      (message) => this.#dispatch(message),
      (line) =>
        this.#fail(
          new QmpError(
            'protocol-error',
            `${options.protocol} sent a line that is not JSON: ${line.slice(0, 200)}`,
          ),
        ),
    );
    socket.on('data', push);
    socket.on('error', (error) => {
      this.#socketError ??= error;
    });
    socket.on('close', () => this.#onClose());
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** The first socket error, if any (the cause of a later `QmpClosedError`). */
  get socketError(): Error | undefined {
    return this.#socketError;
  }

  /**
   * Sends `{ execute, arguments, id }` and resolves with the reply's `return`.
   * @throws QmpCommandError, QmpTimeoutError, QmpClosedError.
   */
  request(
    command: string,
    args: unknown,
    timeoutMs = this.#options.commandTimeoutMs,
    prefix = '',
  ): Promise<unknown> {
    const { protocol } = this.#options;
    if (this.#closed) return Promise.reject(new QmpClosedError(`"${command}"`, this.#socketError, protocol));
    const id = `${this.#idPrefix}${this.#nextId++}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new QmpTimeoutError(`command "${command}"`, timeoutMs, protocol));
      }, timeoutMs);
      this.#pending.set(id, { command, resolve, reject, timer });
      this.send({ execute: command, ...(args === undefined ? {} : { arguments: args }), id }, prefix);
    });
  }

  /** Writes one message without waiting for a reply (`prefix` goes before it, e.g. QGA's 0xFF). */
  send(message: Record<string, unknown>, prefix = ''): void {
    this.#socket.write(
      Buffer.concat([Buffer.from(prefix, 'latin1'), Buffer.from(`${JSON.stringify(message)}\n`)]),
    );
  }

  /** Resolves once the connection has closed. */
  whenClosed(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    return new Promise((resolve) => this.#socket.once('close', () => resolve()));
  }

  /** Flushes what was written, then closes; pending requests reject with `QmpClosedError`. */
  close(): Promise<void> {
    const closed = this.whenClosed();
    this.#socket.destroySoon();
    return closed;
  }

  #dispatch(message: unknown): void {
    if (typeof message !== 'object' || message === null) return;
    const m = message as Record<string, unknown>;
    const pending = typeof m.id === 'string' ? this.#pending.get(m.id) : undefined;
    if (!pending) {
      this.#options.onOther(m);
      return;
    }
    this.#pending.delete(m.id as string);
    clearTimeout(pending.timer);
    const error = m.error as { class?: string; desc?: string } | undefined;
    if (error) {
      const { protocol } = this.#options;
      pending.reject(
        new QmpCommandError(pending.command, error.class ?? 'Unknown', error.desc ?? '', protocol),
      );
    } else pending.resolve(m.return);
  }

  #fail(error: Error): void {
    this.#socketError ??= error;
    this.#socket.destroy();
  }

  #onClose(): void {
    if (this.#closed) return;
    this.#closed = true;
    const cause = this.#socketError;
    for (const [id, pending] of this.#pending) {
      clearTimeout(pending.timer);
      this.#pending.delete(id);
      pending.reject(new QmpClosedError(`command "${pending.command}"`, cause, this.#options.protocol));
    }
    this.#options.onClose(cause);
  }
}
