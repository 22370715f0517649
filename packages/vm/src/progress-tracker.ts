import { parseProgressLine } from '@winguest/provision-scripts';
import type { VmEventInput } from './events';
import {
  isInstallMediaDevice,
  parseFirmwareLine,
  type Stage,
  stageAfterResets,
  stageIndex,
  stageOfProgressName,
} from './stages';

/** `install`: Setup runs from the media. `installed`: an installed instance boots from its disk. */
export type BootMode = 'install' | 'installed';

/** How long one stage lasted (`durationMs` absent while it lasts). */
export interface StageTiming {
  stage: Stage;
  startedAt: number;
  durationMs?: number;
}

/** A `fail` the guest reported. */
export interface GuestFailure {
  step: string;
  message?: string;
}

/** QMP `RESET`s closer together than this (ms) belong to one guest reboot. */
const rebootMergeMs = 1_000;

/**
 * Merges every progress signal — serial lines (firmware boot lines and `WINGUEST …` lines), QMP
 * resets, the SSH login — into one forward-only stage sequence, and emits the events. Pure: time
 * comes from `now`, output goes to `emit`.
 */
export class ProgressTracker {
  stage: Stage = 'firmware';
  resets = 0;
  readyLineSeen = false;
  provisioningStarted = false;
  /**
   * How many times the guest said something after which a login can work where it could not before:
   * its SSH server started or its authorized keys were written (`openssh`/`authorized-keys` `ok` or
   * `skip`), or `WINGUEST ready`.
   */
  loginHints = 0;
  guestFailure?: GuestFailure;
  /** When the last progress (stage change or guest step line) happened. */
  lastProgressAt: number;
  readonly timings: StageTiming[];
  readonly #mode: BootMode;
  readonly #now: () => number;
  readonly #emit: (event: VmEventInput) => void;
  #lastResetAt?: number;

  constructor(mode: BootMode, emit: (event: VmEventInput) => void, now: () => number = Date.now) {
    this.#mode = mode;
    this.#emit = emit;
    this.#now = now;
    this.lastProgressAt = now();
    this.timings = [{ stage: 'firmware', startedAt: this.lastProgressAt }];
    emit({ type: 'stage', stage: 'firmware' });
  }

  /** One line from the serial console. */
  serialLine(raw: string): void {
    const line = cleanSerialLine(raw);
    if (line === '') return;
    this.#emit({ type: 'serial', line });
    const firmware = parseFirmwareLine(line);
    if (firmware) {
      this.#emit({ type: 'firmware', ...firmware });
      if (firmware.action !== 'starting') return;
      const media = isInstallMediaDevice(firmware.device);
      if (this.#mode === 'install' && media && this.resets === 0) this.#advance('setup');
      if (this.#mode === 'installed' && !media) this.#advance('boot');
      return;
    }
    const progress = parseProgressLine(line);
    if (!progress) return;
    this.lastProgressAt = this.#now();
    if (progress.kind === 'ready' || loginStep(progress.step, progress.status)) this.loginHints += 1;
    if (progress.kind === 'ready') {
      this.readyLineSeen = true;
      if (this.#mode === 'installed') this.#advance('boot');
      return;
    }
    this.#emit({ type: 'step', ...progress });
    if (progress.status === 'fail') this.guestFailure = { step: progress.step, message: progress.message };
    const stage = stageOfProgressName(progress.step);
    if (this.#mode === 'installed') this.#advance('boot');
    else if (stage) this.#advance(stage);
    else {
      this.provisioningStarted = true;
      this.#advance('provisioning');
    }
  }

  /**
   * QMP `RESET`: the guest rebooted. During an install, Setup's reboots move the stage on. Resets
   * less than {@link rebootMergeMs} apart are one reboot (SeaBIOS resets the machine more than once).
   */
  reset(): void {
    const now = this.#now();
    const sameReboot = this.#lastResetAt !== undefined && now - this.#lastResetAt < rebootMergeMs;
    this.#lastResetAt = now;
    if (sameReboot) return;
    this.resets += 1;
    this.#emit({ type: 'reboot', count: this.resets });
    if (this.#mode === 'install') this.#advance(stageAfterResets(this.resets));
  }

  /** Whether an SSH login is worth trying yet (the guest can be serving SSH). */
  get sshExpected(): boolean {
    return this.#mode === 'installed' || stageIndex(this.stage) >= stageIndex('oobe');
  }

  /** Whether a successful SSH login means ready: provisioning that started must have said `ready`. */
  get provisioningDone(): boolean {
    return !this.provisioningStarted || this.readyLineSeen;
  }

  /** An SSH login ran the ready command: the VM is ready. */
  sshLogin(): void {
    this.#advance('ready');
  }

  #advance(stage: Stage): void {
    if (stageIndex(stage) <= stageIndex(this.stage)) return;
    const now = this.#now();
    const current = this.timings[this.timings.length - 1] as StageTiming;
    current.durationMs = now - current.startedAt;
    this.#emit({ type: 'stage', stage, previous: { stage: this.stage, durationMs: current.durationMs } });
    this.timings.push({ stage, startedAt: now });
    this.stage = stage;
    this.lastProgressAt = now;
  }
}

/** Steps whose success makes a login possible: the SSH server and the key it accepts. */
const loginSteps = new Set(['openssh', 'authorized-keys']);
const loginStep = (step: string, status: string) =>
  loginSteps.has(step) && (status === 'ok' || status === 'skip');

/** Removes terminal control sequences (firmware consoles clear and colour the screen) and CRs. */
export function cleanSerialLine(raw: string): string {
  return raw.replace(escapeSequences, '').replace(controlCharacters, '').trim();
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing ESC sequences is the point
const escapeSequences = /\x1b(?:\[[0-?]*[ -/]*[@-~]|[()][A-Za-z0-9])/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const controlCharacters = /[\x00-\x08\x0b-\x1f\x7f]/g;
