import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'ssh2';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startGuestSshServer } from './__fixtures__/guest-ssh-server';
import { ssh2 } from './_ssh2';
import type { BootSession } from './boot';
import { VmError } from './errors';
import type { InstancePaths } from './instance-paths';
import { ProgressTracker } from './progress-tracker';
import type { ScreenshotTaker } from './screenshots';
import { SerialTail } from './serial-tail';
import { type WatchContext, watchUntilReady } from './watch';

const { utils } = ssh2();
const instanceKey = utils.generateKeyPairSync('ed25519');

describe('a guest that said WINGUEST ready', () => {
  let dir: string;
  let server: Server | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'watch-ready-'));
  });
  afterEach(() => {
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The watch loop over a serial log that already holds a whole provisioning run ending in ready. */
  function context(port: number): WatchContext {
    const serialLog = join(dir, 'serial.log');
    const lines = ['oobe start', 'oobe ok 0.1', 'openssh start', 'openssh ok 0.2', 'authorized-keys ok 0.1'];
    writeFileSync(
      serialLog,
      `${[...lines.map((line) => `WINGUEST ${line}`), 'WINGUEST ready'].join('\n')}\n`,
    );
    const qmp = { on() {}, off() {}, execute: async () => ({}) };
    return {
      session: { qmp } as unknown as BootSession,
      tracker: new ProgressTracker('install', () => {}),
      serial: new SerialTail(serialLog),
      screenshots: { take: async () => join(dir, 'shot.png') } as unknown as ScreenshotTaker,
      paths: { serialLog } as InstancePaths,
      emit: () => {},
      ssh: {
        host: '127.0.0.1',
        port,
        user: 'admin',
        privateKey: instanceKey.private,
        knownHosts: join(dir, 'known_hosts'),
        hostAlias: 'winguest-test',
        readyCommand: 'exit 0',
      },
      timeouts: {},
      screenshotIntervalMs: 0,
      pressKeys: false,
      keyWindowMs: 0,
      loginAfterReadyMs: 1_500,
    };
  }

  test('but refuses every login fails after loginAfterReadyMs, naming that the guest said ready', async () => {
    let port: number;
    ({ server, port } = await startGuestSshServer(utils.generateKeyPairSync('ed25519').public));
    const started = Date.now();
    const error = await watchUntilReady(context(port)).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(VmError.isInstance(error) && error.code).toBe('stage-timeout');
    expect((error as Error).message).toBe('The guest said ready, but no SSH login worked within 2 s of it.');
    expect((error as VmError).serialTail).toContain('WINGUEST ready');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
  });

  test('and lets the instance key in is ready', async () => {
    let port: number;
    ({ server, port } = await startGuestSshServer(instanceKey.public));
    const ctx = context(port);
    await watchUntilReady(ctx);
    expect(ctx.tracker.stage).toBe('ready');
  });
});
