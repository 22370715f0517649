import { randomInt } from 'node:crypto';
import type { Socket } from 'node:net';
import { JsonLinesChannel } from './_json-lines-channel';
import { QmpError } from './errors';
import type { QgaInfo, QgaNetworkInterface, QgaOsInfo, QgaShutdownMode } from './qga-types';

/** Per-call options of the {@link QgaClient} methods. */
export interface QgaCallOptions {
  /** Reject with `QmpTimeoutError` when the agent does not answer in time. Default: the client's `commandTimeoutMs`. */
  timeoutMs?: number;
}

/**
 * A connection to the QEMU guest agent (the `org.qemu.guest_agent.0` virtio-serial port, on a
 * socket of the host). Create it with `connectQga()`, which synchronises first. The agent has no
 * greeting, keeps no session and may have stale output from an earlier client in the channel:
 * requests carry ids, and anything not answering a pending request is ignored.
 */
export class QgaClient {
  readonly #channel: JsonLinesChannel;

  /** Wraps a connected socket. Prefer `connectQga()`, which also synchronises. */
  constructor(socket: Socket, options: { commandTimeoutMs?: number } = {}) {
    this.#channel = new JsonLinesChannel(socket, {
      protocol: 'QGA',
      commandTimeoutMs: options.commandTimeoutMs ?? 10_000,
      onOther: () => {}, // stale replies from before the sync
      onClose: () => {},
    });
  }

  /** Whether the connection has closed. */
  get closed(): boolean {
    return this.#channel.closed;
  }

  /**
   * `guest-sync-delimited`: sends 0xFF (which resets the agent's parser), then a random number the
   * agent must echo; everything read before the echo is discarded.
   * @throws QmpTimeoutError when no agent answers; QmpError `protocol-error` on a wrong echo.
   */
  async sync(options: QgaCallOptions = {}): Promise<void> {
    const token = randomInt(1, 2 ** 31);
    const echoed = await this.#channel.request(
      'guest-sync-delimited',
      { id: token },
      options.timeoutMs,
      '\xff',
    );
    if (echoed !== token) {
      throw new QmpError(
        'protocol-error',
        `The guest agent echoed ${String(echoed)} to guest-sync ${token}.`,
      );
    }
  }

  /** Sends any agent command and resolves with its `return` value. */
  execute(command: string, args?: Record<string, unknown>, options: QgaCallOptions = {}): Promise<unknown> {
    return this.#channel.request(command, args, options.timeoutMs);
  }

  /** `guest-ping`: resolves when the agent answers. */
  async ping(options: QgaCallOptions = {}): Promise<void> {
    await this.execute('guest-ping', undefined, options);
  }

  /** `guest-info`: the agent's version and which commands are enabled. */
  info(options: QgaCallOptions = {}): Promise<QgaInfo> {
    return this.execute('guest-info', undefined, options) as Promise<QgaInfo>;
  }

  /** `guest-get-osinfo`: the guest OS's name, version, kernel and machine. */
  osInfo(options: QgaCallOptions = {}): Promise<QgaOsInfo> {
    return this.execute('guest-get-osinfo', undefined, options) as Promise<QgaOsInfo>;
  }

  /** `guest-network-get-interfaces`: names, MAC and IP addresses. */
  networkInterfaces(options: QgaCallOptions = {}): Promise<QgaNetworkInterface[]> {
    return this.execute('guest-network-get-interfaces', undefined, options) as Promise<QgaNetworkInterface[]>;
  }

  /**
   * `guest-set-time`: sets the guest clock to `time` (a Date), or, without it, from the guest's
   * hardware clock (what a resumed guest needs after QEMU kept the RTC running).
   */
  async setTime(time?: Date, options: QgaCallOptions = {}): Promise<void> {
    // Nanoseconds since the epoch; a double is exact to well under a microsecond here.
    await this.execute('guest-set-time', time ? { time: time.getTime() * 1_000_000 } : undefined, options);
  }

  /**
   * `guest-shutdown`. A successful shutdown sends no reply, so this waits `graceMs` (default 1000)
   * for an error reply (command disabled, not permitted) and otherwise resolves: the request was
   * delivered. Watch QMP's SHUTDOWN event or the QEMU process to know the guest is off.
   * @throws QmpCommandError when the agent refuses.
   */
  async shutdown(mode: QgaShutdownMode = 'powerdown', options: { graceMs?: number } = {}): Promise<void> {
    try {
      await this.#channel.request('guest-shutdown', { mode }, options.graceMs ?? 1000);
    } catch (error) {
      if (QmpError.isInstance(error) && (error.code === 'timeout' || error.code === 'closed')) return;
      throw error;
    }
  }

  /** Closes the connection. Resolves once closed. */
  close(): Promise<void> {
    return this.#channel.close();
  }
}
