import { openSocket, type QmpTarget } from './_open-socket';
import { QmpTimeoutError } from './errors';
import { QmpClient } from './qmp-client';

export type { QmpTarget } from './_open-socket';

/** Options of {@link connectQmp}. */
export interface QmpConnectOptions {
  /**
   * Time for connecting, the greeting and capability negotiation together, in ms. While it lasts,
   * a socket that does not exist yet or refuses the connection is retried (QEMU creates it a moment
   * after it starts). Default 10 000.
   */
  timeoutMs?: number;
  /** Default timeout of every later `execute()`, in ms. Default 30 000. */
  commandTimeoutMs?: number;
}

/**
 * Connects to QEMU's QMP socket, reads the greeting and sends `qmp_capabilities`, so the returned
 * client is in command mode.
 * @throws QmpError `connect-failed` when the socket cannot be reached in time; QmpTimeoutError when
 *   the greeting or the negotiation does not arrive in time.
 */
export async function connectQmp(target: QmpTarget, options: QmpConnectOptions = {}): Promise<QmpClient> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  const socket = await openSocket(target, deadline, 'QMP');
  const client = new QmpClient(socket, { commandTimeoutMs: options.commandTimeoutMs });
  try {
    await withDeadline(client.greeting, deadline, 'greeting', timeoutMs);
    await client.execute('qmp_capabilities', undefined, { timeoutMs: Math.max(1, deadline - Date.now()) });
    return client;
  } catch (error) {
    socket.destroy();
    throw error;
  }
}

async function withDeadline<T>(
  promise: Promise<T>,
  deadline: number,
  what: string,
  timeoutMs: number,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new QmpTimeoutError(what, timeoutMs)),
      Math.max(0, deadline - Date.now()),
    );
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}
