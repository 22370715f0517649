import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ssh2 } from './_ssh2';
import type { VmEventInput } from './events';
import { ProgressTracker } from './progress-tracker';
import { ReadyLogin } from './ready-login';

const keys = ssh2().utils.generateKeyPairSync('ed25519');
const hostKey = ssh2().utils.generateKeyPairSync('ed25519');

/** Ticks the login like the watch loop does until `done` holds (or `limitMs` pass). */
async function tickUntil(login: ReadyLogin, done: () => boolean, limitMs = 5_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!done() && Date.now() < deadline) {
    login.tick();
    await Promise.race([sleep(20), login.ended]);
  }
}

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

describe('the readiness login', () => {
  let dir: string;
  let events: VmEventInput[];
  let tracker: ProgressTracker;
  const target = (port: number) => ({
    host: '127.0.0.1',
    port,
    user: 'admin',
    privateKey: keys.private,
    knownHosts: join(dir, 'known_hosts'),
    hostAlias: 'winguest-test',
    readyCommand: 'echo winguest-ready',
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ready-login-'));
    events = [];
    tracker = new ProgressTracker('install', (e) => events.push(e));
    for (const line of ['WINGUEST oobe start', 'WINGUEST oobe ok 0.01', 'WINGUEST network start']) {
      tracker.serialLine(line);
    }
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a connection the guest never answered is abandoned when the guest says its SSH server is up', async () => {
    // Like QEMU's user network before the guest listens: the host side accepts, nothing answers.
    const sockets: Socket[] = [];
    const closed: number[] = [];
    const server = createServer((socket) => {
      const n = sockets.push(socket) - 1;
      socket.on('close', () => closed.push(n));
      socket.resume(); // reads, so the client's close is seen
    });
    const login = new ReadyLogin({ tracker, ssh: target(await listen(server)), emit: (e) => events.push(e) });
    try {
      await tickUntil(login, () => sockets.length === 1);
      login.tick();
      await sleep(200);
      expect([sockets.length, closed]).toEqual([1, []]); // waiting, not retrying yet
      const hintedAt = Date.now();
      tracker.serialLine('WINGUEST openssh ok 0.20');
      await tickUntil(login, () => sockets.length === 2 && closed.length === 1);
      expect([sockets.length, closed]).toEqual([2, [0]]);
      expect(Date.now() - hintedAt).toBeLessThan(1_500); // at once, not after the 3 s retry

      // Still silent: after 3 s without an answer the attempt is abandoned and a fresh one starts.
      const started = Date.now();
      await tickUntil(login, () => sockets.length === 3 && closed.length === 2);
      expect([sockets.length, closed]).toEqual([3, [0, 1]]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(2_500);

      // Closing abandons the attempt in flight too: nothing is left connected.
      await login.close();
      for (let i = 0; i < 50 && closed.length < 3; i++) await sleep(20);
      expect(closed).toEqual([0, 1, 2]);
      expect(login.loggedIn).toBe(false);
    } finally {
      await login.close();
      for (const socket of sockets) socket.destroy();
      server.close();
    }
  });

  test('logs in before WINGUEST ready and runs the ready command on that connection only after it', async () => {
    const log: string[] = [];
    const server = new (ssh2().Server)({ hostKeys: [hostKey.private] }, (client) => {
      log.push('connection');
      client.on('authentication', (ctx) => {
        const ours = ssh2().utils.parseKey(keys.public);
        const match =
          ctx.method === 'publickey' && !(ours instanceof Error) && ctx.key.data.equals(ours.getPublicSSH());
        if (!match) return ctx.reject(['publickey']);
        if (ctx.signature) log.push('login');
        ctx.accept();
      });
      client.on('session', (accept) => {
        accept().on('exec', (acceptExec, _reject, info) => {
          log.push(`exec ${info.command}`);
          const channel = acceptExec();
          channel.write('winguest-ready\n');
          channel.exit(0);
          channel.end();
        });
      });
      client.on('error', () => {});
    });
    const port = await listen(server);
    const login = new ReadyLogin({ tracker, ssh: target(port), emit: (e) => events.push(e) });
    try {
      tracker.serialLine('WINGUEST openssh ok 0.20');
      await tickUntil(login, () => log.includes('login'));
      await tickUntil(login, () => false, 500); // the guest is still provisioning
      expect(log).toEqual(['connection', 'login']);
      expect(login.loggedIn).toBe(false);

      tracker.serialLine('WINGUEST ready');
      await tickUntil(login, () => login.loggedIn);
      expect(log).toEqual(['connection', 'login', 'exec echo winguest-ready']);
      expect(events.filter((e) => e.type === 'action')).toEqual([
        expect.objectContaining({ action: 'ssh-login', message: `logged in as admin on port ${port}` }),
      ]);
      // The guest's host key is pinned by that login.
      const pinned = ssh2().utils.parseKey(hostKey.public);
      expect(readFileSync(join(dir, 'known_hosts'), 'utf8')).toContain(
        `winguest-test ssh-ed25519 ${(pinned as { getPublicSSH(): Buffer }).getPublicSSH().toString('base64')}`,
      );
    } finally {
      await login.close();
      server.close();
    }
  });
});
