import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EventLog, processesMentioning, qemuGate, tempHome } from './__fixtures__/instance-fixture';
import {
  abortOnSignals,
  instancePaths,
  listInstances,
  openInstance,
  PreflightError,
  removeInstance,
  type UpOptionsInput,
  up,
  VmError,
} from './index';

const gate = qemuGate();

/**
 * Faults on real QEMU (TCG) with OVMF and a Windows ISO that holds nothing bootable: the firmware
 * runs, prints its boot lines and takes screenshots, but no install can start. The full lifecycle
 * with a guest that installs is in lifecycle.test.ts.
 */
describe.skipIf(!gate.available)('faults with real QEMU', () => {
  const env = tempHome();
  let busy: Server;
  afterAll(async () => {
    await new Promise((resolve) => busy?.close(resolve));
    env.cleanup();
  });
  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  });

  const options = (name: string, extra: UpOptionsInput = {}): UpOptionsInput => ({
    name,
    home: env.home,
    accelerator: 'tcg',
    memoryMiB: 256,
    cpus: 1,
    disk: { size: '64M' },
    media: { windows: env.file('empty-windows.iso'), cidata: env.file('cidata.iso') },
    screenshotIntervalSeconds: 0,
    ...extra,
  });

  test('missing ISO and a port in use: one error listing both, and nothing is created', async () => {
    const port = (busy.address() as { port: number }).port;
    const input = options('pre', { media: { windows: `${env.home}/nope.iso` }, ports: { ssh: port } });
    const error = await up(input).catch((e: unknown) => e);
    expect(PreflightError.isInstance(error)).toBe(true);
    const issues = (error as PreflightError).issues.map((i) => [i.code, i.path]);
    expect(issues).toEqual([
      ['missing-file', 'media.windows'],
      ['invalid-option', 'media.cidata'],
      ['port-in-use', 'ports.ssh'],
    ]);
    expect((error as Error).message).toContain(`port ${port}`);
    expect(existsSync(instancePaths('pre', env.home).dir)).toBe(false);
  });

  test('QEMU killed mid-boot: reported with the stage, exit signal and last serial lines; no process left', async () => {
    const log = new EventLog();
    const running = up(options('killed', { tpm: true }), { onEvent: log.listener }).catch((e: unknown) => e);
    await log.next((e) => e.type === 'firmware');
    const pid = Number(readFileSync(instancePaths('killed', env.home).qemuPid, 'utf8'));
    process.kill(pid, 'SIGKILL');
    const error = await running;
    expect(VmError.isInstance(error) && error.code).toBe('qemu-exited');
    const failure = error as VmError;
    expect(failure.message).toContain('signal SIGKILL');
    expect(failure.stage).toBe('firmware');
    expect(failure.serialTail.some((line) => line.includes('BdsDxe'))).toBe(true);
    expect(failure.stderr).toBeTypeOf('string');
    expect(openInstance({ name: 'killed', home: env.home }).state.state).toBe('installing');
    expect(processesMentioning(instancePaths('killed', env.home).dir)).toEqual([]);
  });

  test('no progress within the stage timeout: the error names the stage and the newest screenshot (a PNG)', async () => {
    const log = new EventLog();
    const error = await up(options('stalled', { timeouts: { firmware: 3_000 } }), {
      onEvent: log.listener,
    }).catch((e: unknown) => e);
    expect(VmError.isInstance(error) && error.code).toBe('stage-timeout');
    const failure = error as VmError;
    expect(failure.stage).toBe('firmware');
    expect(failure.screenshot).toMatch(/failed-firmware\.png$/);
    expect(readFileSync(failure.screenshot as string).subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(log.of('screenshot').map((e) => e.reason)).toEqual(['stage', 'failure']);
    expect(log.of('action').some((e) => e.action === 'boot-key-sent')).toBe(true);
    expect(processesMentioning(instancePaths('stalled', env.home).dir)).toEqual([]);
  });

  test('Ctrl-C mid-boot stops QEMU and swtpm, keeps the instance resumable; rm deletes it', async () => {
    const { signal, dispose } = abortOnSignals(['SIGINT']);
    const log = new EventLog();
    const running = up(options('aborted', { tpm: true }), { onEvent: log.listener, signal });
    await log.next((e) => e.type === 'action' && e.action === 'qemu-started');
    process.kill(process.pid, 'SIGINT');
    const error = await running.catch((e: unknown) => e).finally(dispose);
    expect(VmError.isInstance(error) && error.code).toBe('aborted');
    const paths = instancePaths('aborted', env.home);
    expect(processesMentioning(paths.dir)).toEqual([]);
    expect(existsSync(paths.disk)).toBe(true);
    expect(existsSync(paths.lock)).toBe(false);
    const row = listInstances({ home: env.home }).find((i) => i.name === 'aborted');
    expect(row).toMatchObject({ state: 'installing', running: false });
    await removeInstance({ name: 'aborted', home: env.home });
    expect(existsSync(paths.dir)).toBe(false);
  });
});
