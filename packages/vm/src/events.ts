import type { Stage } from './stages';

interface At {
  /** When it happened (ISO 8601). */
  at: string;
  /** Milliseconds since the command started. */
  elapsedMs: number;
}

/** The VM entered a new stage. */
export interface StageEvent extends At {
  type: 'stage';
  stage: Stage;
  /** The stage it left, with how long it lasted. */
  previous?: { stage: Stage; durationMs: number };
}

/** A provisioning step (or a stage line) the guest reported: `WINGUEST <step> <status> …`. */
export interface StepEvent extends At {
  type: 'step';
  step: string;
  status: 'start' | 'ok' | 'fail' | 'skip';
  seconds?: number;
  message?: string;
}

/** A line the guest or firmware wrote to the serial console (control sequences removed). */
export interface SerialEvent extends At {
  type: 'serial';
  line: string;
}

/** The firmware is loading or starting a boot device. */
export interface FirmwareEvent extends At {
  type: 'firmware';
  action: 'loading' | 'starting' | 'failed';
  device: string;
}

/** The guest rebooted (QMP `RESET`); `count` reboots so far in this boot session. */
export interface RebootEvent extends At {
  type: 'reboot';
  count: number;
}

/** A screenshot was saved. */
export interface ScreenshotEvent extends At {
  type: 'screenshot';
  path: string;
  stage: Stage;
  reason: 'interval' | 'stage' | 'failure';
}

/** Something worth telling the user that does not stop the run. */
export interface WarningEvent extends At {
  type: 'warning';
  message: string;
}

/** The runner did something visible: started QEMU, ejected media, deleted the cidata ISO, … */
export interface ActionEvent extends At {
  type: 'action';
  action:
    | 'created'
    | 'rolled-back'
    | 'swtpm-started'
    | 'qemu-started'
    | 'boot-key-sent'
    | 'ssh-login'
    | 'media-ejected'
    | 'cidata-deleted'
    | 'powerdown-sent'
    | 'agent-shutdown-sent'
    | 'clock-synced'
    | 'qemu-stopped'
    | 'sysprep-started'
    | 'guest-powered-off'
    | 'image-stored'
    | 'cloned';
  message: string;
}

/** Everything `up`, `start` and `stop` report while they run. */
export type VmEvent =
  | StageEvent
  | StepEvent
  | SerialEvent
  | FirmwareEvent
  | RebootEvent
  | ScreenshotEvent
  | WarningEvent
  | ActionEvent;

/** Distributes `Omit<VmEvent, 'at' | 'elapsedMs'>` over the union. */
export type VmEventInput = VmEvent extends infer E
  ? E extends VmEvent
    ? Omit<E, 'at' | 'elapsedMs'>
    : never
  : never;

/** Receives events; exceptions it throws are ignored so a renderer cannot break a run. */
export type VmEventListener = (event: VmEvent) => void;

/** Stamps events with the time and passes them to the listener. */
export function eventEmitter(listener: VmEventListener | undefined, startedAt: number, now = Date.now) {
  return (input: VmEventInput): VmEvent => {
    const time = now();
    const event = { ...input, at: new Date(time).toISOString(), elapsedMs: time - startedAt } as VmEvent;
    try {
      listener?.(event);
    } catch {
      // a listener's bug must not stop the VM
    }
    return event;
  };
}
