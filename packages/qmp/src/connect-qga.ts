import { describeTarget, openSocket, type QmpTarget } from './_open-socket';
import { QmpError, QmpTimeoutError } from './errors';
import { QgaClient } from './qga-client';

/** Options of {@link connectQga}. */
export interface QgaConnectOptions {
  /**
   * Time for connecting and the `guest-sync-delimited` handshake together, in ms. Default 5000:
   * a guest without a running agent is the common case (still installing, agent not installed),
   * so callers fall back quickly.
   */
  timeoutMs?: number;
  /** Default timeout of every later call, in ms. Default 10 000. */
  commandTimeoutMs?: number;
}

/**
 * Connects to the host end of the guest agent's channel (QEMU's `-chardev socket` behind the
 * `org.qemu.guest_agent.0` port) and synchronises with the agent.
 * @throws QmpError `connect-failed` when the socket cannot be reached; QmpTimeoutError (`code`
 *   `timeout`) when no agent answers in time — QEMU accepts the connection even when nothing runs
 *   in the guest, so this is how "no agent" shows.
 */
export async function connectQga(target: QmpTarget, options: QgaConnectOptions = {}): Promise<QgaClient> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const deadline = Date.now() + timeoutMs;
  const socket = await openSocket(target, deadline, 'the guest agent channel');
  const client = new QgaClient(socket, { commandTimeoutMs: options.commandTimeoutMs });
  try {
    await client.sync({ timeoutMs: Math.max(1, deadline - Date.now()) });
    return client;
  } catch (error) {
    socket.destroy();
    if (QmpError.isInstance(error) && error.code === 'timeout') {
      throw new QmpTimeoutError(`guest-sync at ${describeTarget(target)}`, timeoutMs, 'QGA');
    }
    throw error;
  }
}
