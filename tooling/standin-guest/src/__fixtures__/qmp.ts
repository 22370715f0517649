import { createConnection, type Socket } from 'node:net';

/** A QMP event as QEMU sends it. */
export interface QmpEvent {
  event: string;
  data?: Record<string, unknown>;
}

/**
 * The smallest QMP exchange the tests need (the real client is `@winguest/qmp`): greeting,
 * capabilities, commands matched to replies by id, events collected in order.
 */
export class MiniQmp {
  readonly events: QmpEvent[] = [];
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private buffer = '';

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.receive(chunk));
    socket.on('close', () => {
      for (const call of this.pending.values()) call.reject(new Error('QMP socket closed'));
      this.pending.clear();
    });
  }

  /** Connects (retrying while QEMU creates the socket) and negotiates capabilities. */
  static async connect(path: string, timeoutMs = 10_000): Promise<MiniQmp> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const socket = await new Promise<Socket>((resolve, reject) => {
          const s = createConnection(path, () => resolve(s)).once('error', reject);
        });
        const qmp = new MiniQmp(socket);
        await qmp.execute('qmp_capabilities');
        return qmp;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  /** Sends a command and resolves with its `return` value (rejects on `error`). */
  execute(command: string, args?: Record<string, unknown>): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.socket.write(`${JSON.stringify({ execute: command, arguments: args, id })}\n`);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    for (let nl = this.buffer.indexOf('\n'); nl >= 0; nl = this.buffer.indexOf('\n')) {
      const message = JSON.parse(this.buffer.slice(0, nl));
      this.buffer = this.buffer.slice(nl + 1);
      if (message.event) this.events.push({ event: message.event, data: message.data });
      const call = typeof message.id === 'number' ? this.pending.get(message.id) : undefined;
      if (!call) continue;
      this.pending.delete(message.id);
      if (message.error) call.reject(new Error(`${message.error.class}: ${message.error.desc}`));
      else call.resolve(message.return);
    }
  }
}
