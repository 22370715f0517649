import { once } from 'node:events';
import { afterEach, describe, expect, test } from 'vitest';
import { FakeQmpServer } from './__fixtures__/fake-qmp-server';
import { connectQmp, QmpClosedError, QmpCommandError, QmpError, QmpTimeoutError } from './index';

let server: FakeQmpServer;

afterEach(async () => {
  await server?.stop();
});

async function started(handle?: ConstructorParameters<typeof FakeQmpServer>[0], transport = 'unix') {
  server = new FakeQmpServer(handle);
  if (transport === 'unix') {
    await server.listen();
    return connectQmp({ path: server.path }, { timeoutMs: 2000 });
  }
  await server.listen({ port: 0, host: '127.0.0.1' });
  const { port } = server.server.address() as { port: number };
  return connectQmp({ host: '127.0.0.1', port }, { timeoutMs: 2000 });
}

describe('handshake', () => {
  test('reads the greeting and negotiates capabilities before anything else', async () => {
    const qmp = await started();
    expect((await qmp.greeting).version.qemu).toEqual({ major: 9, minor: 2, micro: 1 });
    expect(server.received.map((c) => c.execute)).toEqual(['qmp_capabilities']);
    await qmp.close();
  });

  test('waits for a socket that QEMU has not created yet', async () => {
    server = new FakeQmpServer();
    const connecting = connectQmp({ path: server.path }, { timeoutMs: 3000 });
    setTimeout(() => void server.listen(), 150);
    const qmp = await connecting;
    expect(qmp.closed).toBe(false);
    await qmp.close();
  });

  test('connects over TCP too', async () => {
    const qmp = await started(undefined, 'tcp');
    expect(await qmp.execute('query-status')).toEqual({});
    await qmp.close();
  });

  test('gives up with connect-failed when nothing listens', async () => {
    server = new FakeQmpServer();
    const error = await connectQmp({ path: server.path }, { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(QmpError.isInstance(error) && error.code).toBe('connect-failed');
    expect((error as Error).message).toContain(server.path);
  });

  test('times out when QEMU never greets', async () => {
    server = new FakeQmpServer();
    server.greeting = null;
    await server.listen();
    const error = await connectQmp({ path: server.path }, { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QmpTimeoutError);
    expect(error).toMatchObject({ code: 'timeout', operation: 'greeting' });
  });
});

describe('commands', () => {
  test('matches replies to commands by id, even out of order', async () => {
    const qmp = await started((c) =>
      c.execute === 'slow'
        ? { delayMs: 100, reply: { return: 'slow result' } }
        : { return: `${c.execute} result` },
    );
    const [slow, fast] = await Promise.all([qmp.execute('slow'), qmp.execute('fast', { a: 1 })]);
    expect([slow, fast]).toEqual(['slow result', 'fast result']);
    expect(server.received.at(-1)).toMatchObject({ execute: 'fast', arguments: { a: 1 } });
    await qmp.close();
  });

  test('rejects with QEMU error class and description', async () => {
    const qmp = await started((c) =>
      c.execute === 'eject'
        ? { error: { class: 'DeviceNotFound', desc: "Device 'x' not found" } }
        : { return: {} },
    );
    const error = await qmp.execute('eject', { id: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QmpCommandError);
    expect(error).toMatchObject({ code: 'command-failed', command: 'eject', errorClass: 'DeviceNotFound' });
    expect((error as Error).message).toContain("Device 'x' not found");
    await qmp.close();
  });

  test('a per-call timeout rejects that call only; the connection stays usable', async () => {
    const qmp = await started((c) =>
      c.execute === 'hang' ? { delayMs: 300, reply: { return: 'late' } } : { return: 'ok' },
    );
    const error = await qmp.execute('hang', undefined, { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'timeout', operation: 'command "hang"', timeoutMs: 50 });
    expect(await qmp.execute('query-status')).toBe('ok');
    await new Promise((r) => setTimeout(r, 350)); // the late reply arrives and is ignored
    expect(await qmp.execute('query-status')).toBe('ok');
    await qmp.close();
  });
});

describe('events', () => {
  test('are delivered separately from replies', async () => {
    const qmp = await started((c) => {
      if (c.execute === 'stop') server.event('STOP');
      return { return: {} };
    });
    const seen: string[] = [];
    qmp.on('event', (e) => seen.push(e.event));
    const resumed = qmp.waitForEvent('RESUME');
    expect(await qmp.execute('stop')).toEqual({});
    server.event('RESUME', { reason: 'test' });
    expect((await resumed).data).toEqual({ reason: 'test' });
    expect(seen).toEqual(['STOP', 'RESUME']);
    await qmp.close();
  });

  test('waitForEvent applies its filter and times out', async () => {
    const qmp = await started();
    const tray = qmp.waitForEvent('DEVICE_TRAY_MOVED', { filter: (e) => e.data?.id === 'cd1' });
    server.event('DEVICE_TRAY_MOVED', { id: 'cd0' });
    server.event('DEVICE_TRAY_MOVED', { id: 'cd1' });
    expect((await tray).data).toEqual({ id: 'cd1' });
    const error = await qmp.waitForEvent('NEVER', { timeoutMs: 30 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'timeout', operation: 'event NEVER' });
    await qmp.close();
  });
});

describe('closing', () => {
  test('a connection reset rejects every pending call and later calls', async () => {
    const qmp = await started((c) => (c.execute === 'boom' ? 'reset' : 'ignore'), 'tcp');
    const pending = qmp.execute('query-status').catch((e: unknown) => e);
    const waiting = qmp.waitForEvent('SHUTDOWN').catch((e: unknown) => e);
    const closed = once(qmp, 'close');
    const boom = await qmp.execute('boom').catch((e: unknown) => e);
    expect(boom).toBeInstanceOf(QmpClosedError);
    expect(await pending).toMatchObject({ code: 'closed', operation: 'command "query-status"' });
    expect(await waiting).toMatchObject({ code: 'closed', operation: 'event SHUTDOWN' });
    expect((await closed)[0]).toMatchObject({ code: 'ECONNRESET' });
    expect(qmp.closed).toBe(true);
    await expect(qmp.execute('query-status')).rejects.toBeInstanceOf(QmpClosedError);
  });

  test.each([
    ['replies, then closes', 'close-after-reply', 'unix'],
    ['closes without replying', 'reset', 'unix'],
    ['resets without replying', 'reset', 'tcp'],
  ] as const)('quit resolves when QEMU %s (%s)', async (_, behaviour, transport) => {
    const qmp = await started((c, socket) => {
      if (c.execute !== 'quit') return { return: {} };
      if (behaviour === 'reset') return 'reset';
      setTimeout(() => socket.end(), 10);
      return { return: {} };
    }, transport);
    await qmp.quit();
    expect(qmp.closed).toBe(true);
  });

  test('a line that is not JSON closes the connection with a protocol error', async () => {
    const qmp = await started(() => 'ignore');
    const pending = qmp.execute('query-status').catch((e: unknown) => e);
    server.broadcast('this is not json');
    const error = await pending;
    expect(error).toMatchObject({ code: 'closed' });
    expect((error as Error).message).toContain('not JSON');
  });
});
