import { connectQmp, type QmpClient } from '@winguest/qmp';
import { eventEmitter, type VmEventListener } from './events';
import { agentShutdown } from './guest-agent';
import { haltInstance, haltSwtpm } from './halt';
import { type InstanceRef, openInstance } from './instance';
import { transition } from './instance-state';
import { acquireLock } from './lock';
import { runningPid, waitForExit } from './processes';

/** Options of {@link stop}. */
export interface StopOptions extends InstanceRef {
  /** Seconds to wait for the guest to power off before QEMU is ended. Default: the config's `stopTimeoutSeconds`. */
  timeoutSeconds?: number;
  /** Skip the ACPI powerdown and end QEMU at once. */
  force?: boolean;
  onEvent?: VmEventListener;
}

/** What {@link stop} did. */
export interface StopResult {
  /** False when QEMU was not running (the state is still set to `stopped`). */
  wasRunning: boolean;
  /** True when QEMU had to be ended because the guest did not power off in time (or `force`). */
  forced: boolean;
  durationMs: number;
}

/**
 * Stops an instance: the guest agent's shutdown when one answers, else ACPI powerdown through QMP,
 * then QEMU is ended after the timeout; swtpm too.
 * An installed instance becomes `stopped`; an unfinished install stays `installing` (resumable).
 * @throws VmError `instance-not-found`, `instance-locked`.
 */
export async function stop(options: StopOptions): Promise<StopResult> {
  const startedAt = Date.now();
  const emit = eventEmitter(options.onEvent, startedAt);
  const { paths, config, state } = openInstance(options);
  const lock = acquireLock(paths.lock, config.name);
  try {
    const pid = runningPid(paths.qemuPid);
    let forced = false;
    if (pid !== undefined) {
      const qmp = await connectQmp({ path: paths.qmpSocket }, { timeoutMs: 10_000 }).catch(() => undefined);
      const timeoutMs = (options.timeoutSeconds ?? config.stopTimeoutSeconds) * 1000;
      const graceful = async () =>
        (await agentPowerdown(paths, config, pid, timeoutMs, emit)) ||
        (await powerdown(qmp, pid, timeoutMs, emit));
      forced = options.force || !(await graceful());
      await haltInstance(paths, qmp);
      emit({ type: 'action', action: 'qemu-stopped', message: forced ? 'QEMU ended' : 'guest powered off' });
    } else {
      await haltInstance(paths);
    }
    await haltSwtpm(paths);
    transition(paths.state, state.installedAt ? 'stopped' : 'installing');
    return { wasRunning: pid !== undefined, forced, durationMs: Date.now() - startedAt };
  } finally {
    lock.release();
  }
}

/** Sends `system_powerdown` and waits for QEMU to exit; false when it did not in time. */
async function powerdown(
  qmp: QmpClient | undefined,
  pid: number,
  timeoutMs: number,
  emit: ReturnType<typeof eventEmitter>,
): Promise<boolean> {
  if (!qmp) return false;
  try {
    await qmp.execute('system_powerdown');
  } catch {
    return false;
  }
  emit({
    type: 'action',
    action: 'powerdown-sent',
    message: `ACPI powerdown sent; waiting up to ${timeoutMs / 1000} s`,
  });
  return waitForExit(pid, timeoutMs);
}

/** Asks the guest agent to power off and waits for QEMU to exit; false without an agent or in time. */
async function agentPowerdown(
  paths: Parameters<typeof agentShutdown>[0],
  config: Parameters<typeof agentShutdown>[1],
  pid: number,
  timeoutMs: number,
  emit: ReturnType<typeof eventEmitter>,
): Promise<boolean> {
  if (!(await agentShutdown(paths, config))) return false;
  emit({
    type: 'action',
    action: 'agent-shutdown-sent',
    message: `guest agent shutdown sent; waiting up to ${timeoutMs / 1000} s`,
  });
  return waitForExit(pid, timeoutMs);
}
