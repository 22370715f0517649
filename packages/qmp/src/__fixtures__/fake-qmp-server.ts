import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What the fake server does with one command. */
export type FakeReply =
  | { return: unknown }
  | { error: { class: string; desc: string } }
  | { delayMs: number; reply: FakeReply }
  | 'ignore'
  | 'reset'
  | 'close';

export interface FakeCommand {
  execute: string;
  arguments?: unknown;
  id?: unknown;
}

/**
 * A QMP server on a UNIX socket in a fresh temp dir, speaking the protocol the way QEMU does
 * (greeting, `\r\n`-terminated JSON, replies carrying the request id). `handle` decides each reply
 * after `qmp_capabilities`, which is always accepted. With `greeting = null` it stands in for the
 * guest agent: 0xFF bytes from the client are dropped, and the reply to `guest-sync-delimited` is
 * preceded by one, as qemu-ga does.
 */
export class FakeQmpServer {
  readonly dir = mkdtempSync(join(tmpdir(), 'winguest-qmp-'));
  readonly path = join(this.dir, 'qmp.sock');
  readonly received: FakeCommand[] = [];
  readonly sockets = new Set<Socket>();
  readonly server: Server;
  greeting: string | null = JSON.stringify({
    QMP: { version: { qemu: { major: 9, minor: 2, micro: 1 }, package: 'fake' }, capabilities: ['oob'] },
  });

  constructor(public handle: (command: FakeCommand, socket: Socket) => FakeReply = () => ({ return: {} })) {
    this.server = createServer((socket) => this.#accept(socket));
  }

  listen(target: string | { port: 0; host: string } = this.path): Promise<void> {
    return new Promise((resolve) => this.server.listen(target, resolve));
  }

  /** Sends a raw line (event or anything else) to every connected client. */
  broadcast(line: string): void {
    for (const socket of this.sockets) socket.write(`${line}\r\n`);
  }

  event(name: string, data?: Record<string, unknown>): void {
    this.broadcast(JSON.stringify({ event: name, data, timestamp: { seconds: 1, microseconds: 2 } }));
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
    rmSync(this.dir, { recursive: true, force: true });
  }

  #accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => {});
    if (this.greeting !== null) socket.write(`${this.greeting}\r\n`);
    let buffered = '';
    socket.on('data', (chunk) => {
      buffered += Buffer.from(chunk.filter((byte: number) => byte !== 0xff)).toString();
      for (let nl = buffered.indexOf('\n'); nl !== -1; nl = buffered.indexOf('\n')) {
        const command = JSON.parse(buffered.slice(0, nl)) as FakeCommand;
        buffered = buffered.slice(nl + 1);
        this.received.push(command);
        const reply = command.execute === 'qmp_capabilities' ? { return: {} } : this.handle(command, socket);
        this.#reply(socket, command, reply);
      }
    });
  }

  #reply(socket: Socket, command: FakeCommand, reply: FakeReply): void {
    if (reply === 'ignore') return;
    // A TCP peer can send RST; a UNIX socket can only be torn down abruptly.
    if (reply === 'reset') socket.remoteFamily ? socket.resetAndDestroy() : socket.destroy();
    else if (reply === 'close') socket.end();
    else if ('delayMs' in reply) setTimeout(() => this.#reply(socket, command, reply.reply), reply.delayMs);
    else if (!socket.destroyed) {
      const delimiter = command.execute === 'guest-sync-delimited' ? Buffer.from([0xff]) : Buffer.alloc(0);
      const line = Buffer.from(`${JSON.stringify({ ...reply, id: command.id })}\r\n`);
      socket.write(Buffer.concat([delimiter, line]));
    }
  }
}
