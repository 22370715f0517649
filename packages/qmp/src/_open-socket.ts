import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { QmpError } from './errors';

/** Where QEMU listens: a UNIX socket path (`-chardev socket,path=…`), or TCP (`host=…,port=…`). */
export type QmpTarget = { path: string } | { host: string; port: number };

const retryableCodes = new Set(['ENOENT', 'ECONNREFUSED', 'EAGAIN']);

/**
 * Connects to `target`, retrying a socket that does not exist yet or refuses the connection (QEMU
 * creates it a moment after it starts) until `deadline` (ms since the epoch).
 * @throws QmpError `connect-failed` naming the target and `what` listens there.
 */
export async function openSocket(target: QmpTarget, deadline: number, what: string): Promise<Socket> {
  for (;;) {
    try {
      return await tryConnect(target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (!retryableCodes.has(code) || Date.now() >= deadline) {
        throw new QmpError(
          'connect-failed',
          `Cannot connect to ${what} at ${describeTarget(target)}: ${(error as Error).message}. Is QEMU running with this -chardev socket?`,
          { cause: error },
        );
      }
      await sleep(Math.min(50, Math.max(0, deadline - Date.now())));
    }
  }
}

function tryConnect(target: QmpTarget): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = 'path' in target ? connect(target.path) : connect(target.port, target.host);
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/** `unix:/path` or `tcp:host:port`, for messages. */
export function describeTarget(target: QmpTarget): string {
  return 'path' in target ? `unix:${target.path}` : `tcp:${target.host}:${target.port}`;
}
