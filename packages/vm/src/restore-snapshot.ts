import { setTimeout as sleep } from 'node:timers/promises';
import { connectQmp } from '@winguest/qmp';
import { bootQemu } from './boot';
import { PreflightError, VmError } from './errors';
import { eventEmitter, type VmEventInput, type VmEventListener } from './events';
import { syncGuestClock } from './guest-agent';
import { haltSshAgent } from './halt';
import { probeVmHost, type VmHost } from './host-probe';
import { type InstanceRef, openInstance } from './instance';
import type { InstancePaths } from './instance-paths';
import { transition } from './instance-state';
import { acquireLock } from './lock';
import { runningPid } from './processes';
import { instanceQemuCommand } from './qemu-command';
import { listSnapshots, monitorCommand } from './snapshot';
import { checkedSnapshotName } from './snapshot-names';
import { sshRun } from './ssh-client';
import { type SshConnection, sshConnection, sshTarget } from './ssh-connection';

/** Options of {@link restoreSnapshot}. */
export interface RestoreSnapshotOptions extends InstanceRef {
  snapshot: string;
  /** How long to wait for SSH after the restore, ms. Default 120 000. */
  readyTimeoutMs?: number;
  onEvent?: VmEventListener;
  /** Host facts from an earlier `probeVmHost` (only needed when the instance is stopped). */
  host?: VmHost;
}

/** What {@link restoreSnapshot} did. */
export interface RestoreSnapshotResult {
  name: string;
  snapshot: string;
  /** True when QEMU was started for it (the instance was stopped); false for a running guest. */
  booted: boolean;
  /** `guest-agent` when the guest clock was set through the agent; `not-synced` without one. */
  clock: 'guest-agent' | 'not-synced';
  ssh: SshConnection;
  /** From the call to an SSH login, ms. */
  durationMs: number;
}

/**
 * Puts an instance back to a snapshot and returns once SSH works: a running guest jumps back
 * (QEMU `loadvm`), a stopped one boots straight into it (`-loadvm`, no firmware or OS boot). Then
 * the guest clock, which stood still since the save, is set through the guest agent when one
 * answers; otherwise a warning says it lags until the guest's own time sync corrects it.
 * @throws VmError `invalid-options` (no such snapshot), `instance-locked`, `command-failed`,
 *   `stage-timeout` (no SSH in time); PreflightError when QEMU cannot run on this host.
 */
export async function restoreSnapshot(options: RestoreSnapshotOptions): Promise<RestoreSnapshotResult> {
  const startedAt = Date.now();
  const emit = eventEmitter(options.onEvent, startedAt);
  const snapshot = checkedSnapshotName(options.snapshot);
  const { paths, config } = openInstance(options);
  if (!(await listSnapshots(options)).some((s) => s.name === snapshot)) {
    throw new VmError(
      'invalid-options',
      `Instance "${config.name}" has no snapshot "${snapshot}"; list them with "snapshot ls".`,
    );
  }
  const running = runningPid(paths.qemuPid) !== undefined;
  const lock = acquireLock(paths.lock, config.name);
  try {
    // The guest is rewound: an SSH connection the connection agent holds would no longer match it.
    await haltSshAgent(paths);
    if (running) {
      const qmp = await connectQmp({ path: paths.qmpSocket }, { timeoutMs: 10_000 });
      await monitorCommand(qmp, `loadvm ${snapshot}`).finally(() => qmp.close());
    } else {
      const probed = options.host ? { host: options.host, issues: [] } : await probeVmHost(config);
      if (!probed.host) throw new PreflightError(probed.issues);
      const command = instanceQemuCommand(config, probed.host, paths, 'installed');
      const session = await bootQemu(
        paths,
        { ...command, args: [...command.args, '-loadvm', snapshot] },
        config.tpm ? probed.host.swtpm : undefined,
      );
      await session.qmp.close();
      const boot = {
        pid: session.qemuPid,
        startedAt: new Date().toISOString(),
        accelerator: probed.host.accelerator,
        mode: 'installed' as const,
      };
      transition(paths.state, 'ready', { boot });
      emit({
        type: 'action',
        action: 'qemu-started',
        message: `QEMU ${session.qemuPid} resumed snapshot ${snapshot}`,
      });
    }
    const ssh = sshConnection(paths, config);
    // The clock is set while SSH comes up: neither waits for the other.
    const [clock] = await Promise.all([
      resyncGuestClock(paths, config, emit),
      waitForSsh(ssh, config.ssh.readyCommand, options.readyTimeoutMs ?? 120_000),
    ]);
    transition(paths.state, 'ready');
    return { name: config.name, snapshot, booted: !running, clock, ssh, durationMs: Date.now() - startedAt };
  } finally {
    lock.release();
  }
}

/**
 * Sets the guest clock to now through the guest agent after a restore; `not-synced`, with a warning,
 * at once when the instance has no agent channel, or when no agent answered. Internal.
 */
export async function resyncGuestClock(
  paths: Pick<InstancePaths, 'qgaSocket'>,
  config: { guestAgent?: boolean },
  emit: (event: VmEventInput) => void,
): Promise<'guest-agent' | 'not-synced'> {
  if (await syncGuestClock(paths, config)) return 'guest-agent';
  const why = config.guestAgent
    ? 'no guest agent answered'
    : 'the instance has no guest agent channel (guestAgent)';
  emit({
    type: 'warning',
    message: `${why}: the guest clock lags by the time since the snapshot until its own time sync corrects it`,
  });
  return 'not-synced';
}

async function waitForSsh(ssh: SshConnection, readyCommand: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const target = sshTarget(ssh);
  let last = '';
  while (Date.now() < deadline) {
    const result = await sshRun(target, readyCommand, 10_000).catch((error: Error) => {
      last = error.message;
      return undefined;
    });
    if (result?.exitCode === 0) return;
    await sleep(200);
  }
  throw new VmError(
    'stage-timeout',
    `No SSH login within ${timeoutMs / 1000} s after the restore (${last || 'ready command failed'}).`,
  );
}
