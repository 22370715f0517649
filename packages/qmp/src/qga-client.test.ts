import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { FakeQmpServer, type FakeReply } from './__fixtures__/fake-qmp-server';
import { connectQga, QmpCommandError, QmpError, QmpTimeoutError } from './index';

let server: FakeQmpServer;
afterEach(async () => {
  await server?.stop();
});

/** A fake agent: no greeting, echoes guest-sync, answers the rest with `handle`. */
async function agent(handle: (execute: string, args: unknown) => FakeReply = () => ({ return: {} })) {
  server = new FakeQmpServer((command) =>
    command.execute === 'guest-sync-delimited'
      ? { return: (command.arguments as { id: number }).id }
      : handle(command.execute, command.arguments),
  );
  server.greeting = null;
  await server.listen();
  return server;
}

describe('handshake', () => {
  test('synchronises with guest-sync-delimited, skipping stale output already in the channel', async () => {
    await agent();
    // Replies left in the channel by an earlier client (its ids restart at 1 too).
    server.greeting = `${JSON.stringify({ return: 12345, id: 'winguest-0badc0de-1' })}\r\n${JSON.stringify({ return: 7 })}`;
    const qga = await connectQga({ path: server.path }, { timeoutMs: 2000 });
    expect(server.received.map((c) => c.execute)).toEqual(['guest-sync-delimited']);
    expect(server.received[0]?.arguments).toEqual({ id: expect.any(Number) });
    await qga.ping();
    expect(server.received.map((c) => c.execute)).toEqual(['guest-sync-delimited', 'guest-ping']);
    await qga.close();
  });

  test('no agent behind the socket (QEMU accepts anyway): a clear timeout, soon', async () => {
    server = new FakeQmpServer();
    const dir = server.dir;
    const silent = createServer((socket) => socket.resume()); // reads, never answers: a chardev with no agent
    const path = join(dir, 'qga.sock');
    await new Promise<void>((resolve) => silent.listen(path, resolve));
    const started = Date.now();
    const error = await connectQga({ path }, { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error).toBeInstanceOf(QmpTimeoutError);
    expect((error as Error).message).toMatch(
      /^QGA guest-sync at unix:.*qga\.sock got no answer within 300 ms; is the guest agent installed and running/,
    );
    await new Promise((resolve) => silent.close(resolve));
  });

  test('nothing listening: connect-failed naming the socket', async () => {
    server = new FakeQmpServer();
    const error = await connectQga({ path: server.path }, { timeoutMs: 100 }).catch((e: unknown) => e);
    expect(QmpError.isInstance(error) && error.code).toBe('connect-failed');
    expect((error as Error).message).toContain(`the guest agent channel at unix:${server.path}`);
  });
});

describe('commands', () => {
  test('info, osinfo and interfaces return what the agent sent', async () => {
    const os = {
      id: 'mswindows',
      name: 'Microsoft Windows',
      'pretty-name': 'Windows Server 2025 Datacenter',
    };
    const nics = [
      {
        name: 'Ethernet',
        'ip-addresses': [{ 'ip-address-type': 'ipv4', 'ip-address': '10.0.2.15', prefix: 24 }],
      },
    ];
    await agent((execute) =>
      execute === 'guest-get-osinfo'
        ? { return: os }
        : execute === 'guest-network-get-interfaces'
          ? { return: nics }
          : { return: { version: '9.1.0', supported_commands: [] } },
    );
    const qga = await connectQga({ path: server.path });
    expect(await qga.osInfo()).toEqual(os);
    expect(await qga.networkInterfaces()).toEqual(nics);
    expect((await qga.info()).version).toBe('9.1.0');
    await qga.close();
  });

  test('set-time sends nanoseconds since the epoch, or nothing to resync from the hardware clock', async () => {
    await agent();
    const qga = await connectQga({ path: server.path });
    await qga.setTime(new Date('2026-01-02T03:04:05.678Z'));
    await qga.setTime();
    const calls = server.received.filter((c) => c.execute === 'guest-set-time');
    expect(calls.map((c) => c.arguments)).toEqual([
      { time: Date.UTC(2026, 0, 2, 3, 4, 5, 678) * 1e6 },
      undefined,
    ]);
    await qga.close();
  });

  test('shutdown gets no reply on success and resolves; a refusal is an error', async () => {
    await agent((_execute, args) =>
      (args as { mode?: string })?.mode === 'halt'
        ? { error: { class: 'CommandNotFound', desc: 'Command guest-shutdown has been disabled' } }
        : 'ignore',
    );
    const qga = await connectQga({ path: server.path });
    await qga.shutdown('powerdown', { graceMs: 100 });
    expect(server.received.at(-1)).toMatchObject({
      execute: 'guest-shutdown',
      arguments: { mode: 'powerdown' },
    });
    const refused = await qga.shutdown('halt', { graceMs: 1000 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(QmpCommandError);
    expect((refused as Error).message).toBe(
      'QGA command "guest-shutdown" failed (CommandNotFound): Command guest-shutdown has been disabled',
    );
    await qga.close();
  });

  test('a call the agent does not answer times out, naming the agent; the client stays usable', async () => {
    await agent((execute) => (execute === 'guest-get-osinfo' ? 'ignore' : { return: {} }));
    const qga = await connectQga({ path: server.path });
    await expect(qga.osInfo({ timeoutMs: 100 })).rejects.toThrow(
      'QGA command "guest-get-osinfo" got no answer within 100 ms; is the guest agent installed and running',
    );
    await expect(qga.ping()).resolves.toBeUndefined();
    await qga.close();
  });
});
