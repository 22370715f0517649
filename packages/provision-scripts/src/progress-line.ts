/** The statuses a step reports, in the order a step can report them. */
export const progressStatuses = ['start', 'ok', 'fail', 'skip'] as const;

/**
 * `start`: the step began. `ok`: it finished and changed something. `skip`: it found the guest
 * already as wanted and changed nothing. `fail`: it stopped with an error (the run stops too).
 */
export type ProgressStatus = (typeof progressStatuses)[number];

/** One step event: `WINGUEST <step> <status> [seconds] [message]`. */
export interface StepProgress {
  kind: 'step';
  /** The step's name, e.g. `openssh` or a user step's name. */
  step: string;
  status: ProgressStatus;
  /** How long the step took, for `ok`, `skip` and `fail`. */
  seconds?: number;
  /** What the step did, or the error for `fail`; one line. */
  message?: string;
}

/** The final event of a successful run: `WINGUEST ready`. */
export interface ReadyProgress {
  kind: 'ready';
}

/** A parsed protocol line. */
export type ProgressLine = StepProgress | ReadyProgress;

/** What a step name looks like on the wire (and what user step names must look like). */
export const stepNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const stepLine =
  /^WINGUEST ([A-Za-z0-9][A-Za-z0-9._-]{0,63}) (start|ok|fail|skip)(?: (\d{1,9}(?:\.\d{1,6})?))?(?: (.*))?$/;

/**
 * Parses one line of the progress protocol, as read from the guest's serial port or its log.
 * Surrounding whitespace and a trailing CR are ignored. Returns `undefined` for any other line
 * (firmware noise, log comments starting with `#`, malformed protocol lines), so a reader can
 * feed it every line it sees.
 */
export function parseProgressLine(line: string): ProgressLine | undefined {
  const text = line.trim();
  if (text === 'WINGUEST ready') return { kind: 'ready' };
  const match = stepLine.exec(text);
  if (!match) return undefined;
  const [, step, status, seconds, message] = match;
  if (step === 'ready') return undefined;
  const event: StepProgress = { kind: 'step', step: step as string, status: status as ProgressStatus };
  if (seconds !== undefined) event.seconds = Number(seconds);
  if (message !== undefined && message.trim() !== '') event.message = message.trim();
  return event;
}

/**
 * Formats an event as the guest script writes it (seconds with two decimals). Mainly for fake
 * guests in tests; `parseProgressLine(formatProgressLine(e))` gives `e` back.
 */
export function formatProgressLine(event: ProgressLine): string {
  if (event.kind === 'ready') return 'WINGUEST ready';
  let line = `WINGUEST ${event.step} ${event.status}`;
  if (event.seconds !== undefined) line += ` ${event.seconds.toFixed(2)}`;
  if (event.message !== undefined) line += ` ${event.message.replace(/\s+/g, ' ').trim()}`;
  return line;
}
