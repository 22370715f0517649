import type { QmpEvent } from '@winguest/qmp';
import type { BootSession } from './boot';
import { describeExit, qemuStderr } from './boot';
import { VmError } from './errors';
import type { VmEventInput } from './events';
import type { InstancePaths } from './instance-paths';
import { LoopPause } from './loop-pause';
import type { ProgressTracker } from './progress-tracker';
import { ReadyLogin } from './ready-login';
import type { ScreenshotTaker } from './screenshots';
import type { SerialTail } from './serial-tail';
import type { SshTarget } from './ssh-client';
import { isInstallMediaDevice, parseFirmwareLine, stageIndex } from './stages';

/** Everything the watch loop reads and drives. */
export interface WatchContext {
  session: BootSession;
  tracker: ProgressTracker;
  serial: SerialTail;
  screenshots: ScreenshotTaker;
  paths: InstancePaths;
  emit: (event: VmEventInput) => void;
  ssh: SshTarget & { readyCommand: string };
  /** Per-stage timeouts in ms. */
  timeouts: Record<string, number>;
  screenshotIntervalMs: number;
  /** Press Enter through QMP during the boot window ("Press any key to boot from CD or DVD"). */
  pressKeys: boolean;
  /** How long after the firmware starts the DVD (or after boot, without such a line) keys are sent. */
  keyWindowMs: number;
  /**
   * How long logins may keep failing after the guest said `WINGUEST ready` before `up` fails
   * (`stage-timeout`, with why the login fails): the guest's work is done, only the login is left.
   */
  loginAfterReadyMs: number;
  signal?: AbortSignal;
}

const tickMs = 250;

/**
 * Follows the boot until an SSH login runs the ready command (and provisioning said `ready`).
 * @throws VmError `guest-failed`, `qemu-exited`, `stage-timeout` or `aborted`, with the stage and
 *   the last serial lines (the caller adds the screenshot).
 */
export async function watchUntilReady(ctx: WatchContext): Promise<void> {
  const { tracker, session } = ctx;
  const keys = new BootKeys(ctx);
  const readSerial = () => {
    for (const line of ctx.serial.read()) {
      keys.onSerialLine(line);
      tracker.serialLine(line);
    }
  };
  // QEMU wrote the guest's serial output before it reports the reset: take those lines first, so
  // the stages of the boot before the reboot are not skipped.
  const onEvent = (event: QmpEvent) => {
    if (event.event !== 'RESET') return;
    readSerial();
    tracker.reset();
  };
  session.qmp.on('event', onEvent);
  const shots = new PeriodicScreenshots(ctx);
  const login = new ReadyLogin(ctx);
  const pause = new LoopPause(ctx.paths.serialLog, tickMs);
  let saidReadyAt: number | undefined;
  try {
    for (;;) {
      readSerial();
      checkFailures(ctx);
      if (tracker.readyLineSeen && !login.loggedIn) {
        saidReadyAt ??= Date.now();
        if (Date.now() - saidReadyAt > ctx.loginAfterReadyMs) throw loginTimeout(ctx);
      }
      if (login.loggedIn && tracker.provisioningDone) {
        tracker.sshLogin();
        await shots.tick();
        return;
      }
      await keys.tick();
      await shots.tick();
      login.tick();
      // New serial output or a login attempt that ends wakes the loop before the next tick.
      await pause.wait(login.ended);
    }
  } finally {
    session.qmp.off('event', onEvent);
    pause.close();
    await login.close();
  }
}

function checkFailures(ctx: WatchContext): void {
  const { tracker, session } = ctx;
  const context = () => ({ stage: tracker.stage, serialTail: ctx.serial.recent() });
  if (tracker.guestFailure) {
    const { step, message } = tracker.guestFailure;
    throw new VmError(
      'guest-failed',
      `The guest reported a failure in "${step}": ${message ?? '(no message)'}`,
      context(),
    );
  }
  if (session.exit) {
    const stderr = qemuStderr(ctx.paths);
    throw new VmError(
      'qemu-exited',
      `QEMU exited unexpectedly (${describeExit(session.exit)}) during stage ${tracker.stage}${stderr ? `: ${stderr}` : ''}`,
      { ...context(), stderr },
    );
  }
  if (ctx.signal?.aborted) {
    throw new VmError(
      'aborted',
      `Stopped at stage ${tracker.stage} on request; run it again to resume.`,
      context(),
    );
  }
  const limit = ctx.timeouts[tracker.stage];
  if (limit !== undefined && Date.now() - tracker.lastProgressAt > limit) {
    throw new VmError(
      'stage-timeout',
      `Stage ${tracker.stage} showed no progress for ${Math.round(limit / 1000)} s; see the screenshot and serial log.`,
      context(),
    );
  }
}

/** The guest said ready, but no login worked within `loginAfterReadyMs` (up adds why). */
function loginTimeout(ctx: WatchContext): VmError {
  return new VmError(
    'stage-timeout',
    `The guest said ready, but no SSH login worked within ${Math.round(ctx.loginAfterReadyMs / 1000)} s of it.`,
    { stage: ctx.tracker.stage, serialTail: ctx.serial.recent() },
  );
}

/** Sends Enter every second during the boot window of the first boot from the install media. */
class BootKeys {
  readonly #ctx: WatchContext;
  #windowEnd: number;
  #nextAt = 0;
  #sent = 0;

  constructor(ctx: WatchContext) {
    this.#ctx = ctx;
    this.#windowEnd = Date.now() + ctx.keyWindowMs;
  }

  onSerialLine(line: string): void {
    const firmware = parseFirmwareLine(line);
    if (firmware?.action === 'starting' && isInstallMediaDevice(firmware.device)) {
      this.#windowEnd = Date.now() + this.#ctx.keyWindowMs;
    }
  }

  async tick(): Promise<void> {
    const { tracker } = this.#ctx;
    if (!this.#ctx.pressKeys || tracker.resets > 0 || stageIndex(tracker.stage) > stageIndex('setup')) return;
    if (Date.now() > this.#windowEnd || Date.now() < this.#nextAt) return;
    this.#nextAt = Date.now() + 1_000;
    await this.#ctx.session.qmp
      .execute('send-key', { keys: [{ type: 'qcode', data: 'ret' }] })
      .catch(() => {});
    if (this.#sent++ === 0) {
      this.#ctx.emit({
        type: 'action',
        action: 'boot-key-sent',
        message: 'pressing Enter for "Press any key to boot from CD or DVD"',
      });
    }
  }
}

/** A screenshot at every stage change and every `screenshotIntervalMs`. */
class PeriodicScreenshots {
  readonly #ctx: WatchContext;
  #stage?: string;
  #nextAt = 0;
  #failed = false;

  constructor(ctx: WatchContext) {
    this.#ctx = ctx;
  }

  async tick(): Promise<void> {
    const { tracker, screenshotIntervalMs } = this.#ctx;
    const stageChanged = tracker.stage !== this.#stage;
    const due = screenshotIntervalMs > 0 && Date.now() >= this.#nextAt;
    if (this.#failed || (!stageChanged && !due)) return;
    this.#stage = tracker.stage;
    this.#nextAt = Date.now() + (screenshotIntervalMs || Number.POSITIVE_INFINITY);
    try {
      const path = await this.#ctx.screenshots.take(this.#ctx.session.qmp, tracker.stage);
      this.#ctx.emit({
        type: 'screenshot',
        path,
        stage: tracker.stage,
        reason: stageChanged ? 'stage' : 'interval',
      });
    } catch (error) {
      if (this.#ctx.session.exit) return;
      this.#failed = true;
      this.#ctx.emit({ type: 'warning', message: `screenshots stopped: ${(error as Error).message}` });
    }
  }
}
