import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectQmp } from '@winguest/qmp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { alive, EventLog, processesMentioning } from './__fixtures__/instance-fixture';
import { standinGate, standinSetup, writeStandinCidata } from './__fixtures__/standin-fixture';
import {
  instancePaths,
  listSnapshots,
  openInstance,
  removeSnapshot,
  restoreSnapshot,
  saveSnapshot,
  sshExec,
  stop,
  up,
} from './index';
import { runningPid } from './processes';

const gate = standinGate();

/** The internal snapshots of a qcow2 file, read by qemu-img. */
const qcow2SnapshotNames = (file: string) =>
  (
    (
      JSON.parse(execFileSync('qemu-img', ['info', '-U', '--output=json', file], { encoding: 'utf8' })) as {
        snapshots?: Array<{ name: string }>;
      }
    ).snapshots ?? []
  ).map((s) => s.name);

/**
 * Snapshots of a running stand-in guest (real QEMU, TCG) on UEFI, the default firmware: savevm
 * works because the vars pflash is qcow2 like the disk. The stand-in's file system lives in RAM, so
 * a file written before the save and changed after it shows whether memory came back.
 */
describe.skipIf(!gate.available)('snapshots with the stand-in guest (real QEMU, TCG)', () => {
  let dir: string;
  let setup: Awaited<ReturnType<typeof standinSetup>>;
  const ref = () => ({ name: 'snap', home: setup.home });
  const marker = async () => (await sshExec(ref(), 'cat /tmp/marker')).stdout;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wg-vm-snapshots-'));
    setup = await standinSetup(dir);
    await up(setup.options('snap', {}, { firmware: 'uefi' }), { writeCidata: writeStandinCidata });
  }, 600_000);

  afterAll(async () => {
    const pid = runningPid(instancePaths('snap', setup.home).qemuPid);
    if (pid !== undefined && alive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    expect(processesMentioning(dir)).toEqual([]);
  }, 60_000);

  test('save, change, restore while running: memory and disk come back, and the guest answers SSH', async () => {
    const qmp = await connectQmp({ path: instancePaths('snap', setup.home).qmpSocket });
    const blocks = await qmp.execute('query-block').finally(() => qmp.close());
    expect(blocks.find((b) => b.device === 'pflash1')?.inserted).toMatchObject({ drv: 'qcow2', ro: false });
    await sshExec(ref(), 'echo before > /tmp/marker');
    const saved = await saveSnapshot({ ...ref(), snapshot: 'clean' });
    expect(saved).toMatchObject({ name: 'clean' });
    expect(saved.vmStateBytes).toBeGreaterThan(0);
    await sshExec(ref(), 'echo after > /tmp/marker');
    expect(await marker()).toBe('after\n');

    const log = new EventLog();
    const restored = await restoreSnapshot({ ...ref(), snapshot: 'clean', onEvent: log.listener });
    expect(restored).toMatchObject({ booted: false, clock: 'not-synced' });
    expect(log.of('warning').map((w) => w.message)).toEqual([
      expect.stringContaining('the instance has no guest agent channel'),
    ]);
    expect(await marker()).toBe('before\n');
  }, 300_000);

  test('a stopped instance resumes straight into a snapshot (no boot), then ls and rm', async () => {
    await stop({ ...ref(), force: true });
    const restored = await restoreSnapshot({ ...ref(), snapshot: 'clean' });
    expect(restored.booted).toBe(true);
    // The RAM file system holds what it held at the save: this was a resume, not a boot.
    expect(await marker()).toBe('before\n');
    expect(openInstance(ref()).state.state).toBe('ready');

    expect((await listSnapshots(ref())).map((s) => s.name)).toEqual(['clean']);
    await expect(restoreSnapshot({ ...ref(), snapshot: 'nope' })).rejects.toThrow(/has no snapshot "nope"/);
    await expect(saveSnapshot({ ...ref(), snapshot: 'two words' })).rejects.toThrow(
      /snapshot name: "two words"/,
    );
    await removeSnapshot({ ...ref(), snapshot: 'clean' });
    expect(await listSnapshots(ref())).toEqual([]);

    // Removing one of a stopped instance takes the vars' disk-only half with it, as delvm does.
    await saveSnapshot({ ...ref(), snapshot: 'again' });
    await stop({ ...ref(), force: true });
    const vars = instancePaths('snap', setup.home).vars;
    expect(qcow2SnapshotNames(vars)).toEqual(['again']);
    await removeSnapshot({ ...ref(), snapshot: 'again' });
    expect(await listSnapshots(ref())).toEqual([]);
    expect(qcow2SnapshotNames(vars)).toEqual([]);
  }, 300_000);
});
