import { existsSync } from 'node:fs';
import type { QmpClient } from '@winguest/qmp';
import { connectQmp } from '@winguest/qmp';
import { VmError } from './errors';
import { type InstanceRef, openInstance } from './instance';
import { acquireLock } from './lock';
import { runningPid } from './processes';
import { findQemuImg, runQemuImg } from './qemu-img';
import { checkedSnapshotName } from './snapshot-names';
import { assertSnapshotVars } from './vars-store';

/** One snapshot of a running guest (disk, memory and devices, inside the instance's qcow2). */
export interface SnapshotSummary {
  name: string;
  /** When it was taken (ISO 8601). */
  createdAt: string;
  /** Size of the saved memory and device state, bytes. */
  vmStateBytes: number;
  /** How long the guest had run when it was taken, seconds. */
  guestClockSeconds: number;
}

/**
 * Runs a human-monitor command. HMP reports failures as text, not as QMP errors: any output of
 * savevm/loadvm/delvm is an error message.
 */
export async function monitorCommand(qmp: QmpClient, line: string, timeoutMs = 600_000): Promise<void> {
  const output = await qmp.execute('human-monitor-command', { 'command-line': line }, { timeoutMs });
  const text = String(output ?? '').trim();
  if (text !== '') throw new VmError('command-failed', `QEMU's "${line}" failed: ${text}${hintFor(text)}`);
}

function hintFor(text: string): string {
  return /does not support snapshots/.test(text) ? ' (every writable drive must be qcow2)' : '';
}

/** Opens a running instance's QMP under its lock and runs `action`. */
async function withRunningQmp<T>(ref: InstanceRef, action: (qmp: QmpClient) => Promise<T>): Promise<T> {
  const { paths, config } = openInstance(ref);
  if (runningPid(paths.qemuPid) === undefined) {
    throw new VmError(
      'not-running',
      `Instance "${config.name}" is not running; snapshots are taken of a running guest.`,
    );
  }
  const lock = acquireLock(paths.lock, config.name);
  const qmp = await connectQmp({ path: paths.qmpSocket }, { timeoutMs: 10_000 });
  try {
    return await action(qmp);
  } finally {
    await qmp.close();
    lock.release();
  }
}

/**
 * Saves a running guest's disk, memory and devices as snapshot `snapshot` (QEMU `savevm`: the
 * guest pauses while it is written, then runs on). An existing snapshot of that name is replaced.
 * @throws VmError `not-running`, `instance-locked`, `command-failed` (with QEMU's reason),
 *   `invalid-options` (a UEFI instance whose vars are still raw: the message names the fix).
 */
export async function saveSnapshot(ref: InstanceRef & { snapshot: string }): Promise<SnapshotSummary> {
  const name = checkedSnapshotName(ref.snapshot);
  const { paths, config } = openInstance(ref);
  assertSnapshotVars(paths, config.name, config.firmware);
  await withRunningQmp(ref, (qmp) => monitorCommand(qmp, `savevm ${name}`));
  const saved = (await listSnapshots(ref)).find((s) => s.name === name);
  if (!saved)
    throw new VmError('command-failed', `QEMU reported no error, but snapshot "${name}" is not in the disk.`);
  return saved;
}

/** Deletes a snapshot (QEMU `delvm` while running, `qemu-img snapshot -d` otherwise). */
export async function removeSnapshot(ref: InstanceRef & { snapshot: string }): Promise<void> {
  const name = checkedSnapshotName(ref.snapshot);
  const { paths, config } = openInstance(ref);
  if (!(await listSnapshots(ref)).some((s) => s.name === name)) {
    throw new VmError(
      'invalid-options',
      `Instance "${config.name}" has no snapshot "${name}"; list them with "snapshot ls".`,
    );
  }
  if (runningPid(paths.qemuPid) !== undefined) {
    await withRunningQmp(ref, (qmp) => monitorCommand(qmp, `delvm ${name}`));
    return;
  }
  const lock = acquireLock(paths.lock, config.name);
  try {
    const qemuImg = findQemuImg();
    await runQemuImg(qemuImg, ['snapshot', '-d', name, paths.disk], `delete snapshot ${name}`);
    // savevm also took a disk-only snapshot of the qcow2 vars (delvm removes both; so do we).
    if (existsSync(paths.vars) && (await snapshotNames(qemuImg, paths.vars)).includes(name))
      await runQemuImg(qemuImg, ['snapshot', '-d', name, paths.vars], `delete snapshot ${name} of the vars`);
  } finally {
    lock.release();
  }
}

interface QemuImgSnapshot {
  name: string;
  'vm-state-size': number;
  'date-sec': number;
  'vm-clock-sec': number;
}

/** Every internal snapshot of a qcow2 file, as qemu-img reports them. */
async function qcow2Snapshots(qemuImg: string, file: string): Promise<QemuImgSnapshot[]> {
  const json = await runQemuImg(qemuImg, ['info', '-U', '--output=json', file], `read ${file}`);
  return (JSON.parse(json) as { snapshots?: QemuImgSnapshot[] }).snapshots ?? [];
}

const snapshotNames = async (qemuImg: string, file: string) =>
  (await qcow2Snapshots(qemuImg, file)).map((s) => s.name);

/** The snapshots holding a guest's memory (not disk-only ones), oldest first. Read by qemu-img. */
export async function listSnapshots(ref: InstanceRef): Promise<SnapshotSummary[]> {
  const { paths } = openInstance(ref);
  const snapshots = (await qcow2Snapshots(findQemuImg(), paths.disk)).filter((s) => s['vm-state-size'] > 0);
  return snapshots
    .map((s) => ({
      name: s.name,
      createdAt: new Date(s['date-sec'] * 1000).toISOString(),
      vmStateBytes: s['vm-state-size'],
      guestClockSeconds: s['vm-clock-sec'],
    }))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
