import {
  type upErrorLineSchema,
  type upEventLineSchema,
  upJsonLineSchema,
  type upResultLineSchema,
} from '@winguest/vm';
import type { z } from 'zod';

// The line formats are @winguest/vm's published schemas of `winguest up --json`.
export type UpEvent = z.infer<typeof upEventLineSchema>;
export type UpResultLine = z.infer<typeof upResultLineSchema>;
export type UpErrorLine = z.infer<typeof upErrorLineSchema>;

/** What `winguest up --json` printed, read back: its events and the one final line. */
export interface UpOutput {
  events: UpEvent[];
  /** The final line; undefined when the CLI ended without one (it crashed, or was killed). */
  outcome: UpResultLine | UpErrorLine | undefined;
  /** Lines that were not protocol lines (kept for the failure message). */
  stray: string[];
}

/** Reads one NDJSON line; `undefined` for anything that is not a protocol line. */
export function parseUpLine(line: string): UpEvent | UpResultLine | UpErrorLine | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  const parsed = upJsonLineSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Splits `winguest up --json` stdout into events and the final line. */
export function parseUpOutput(stdout: string): UpOutput {
  const output: UpOutput = { events: [], outcome: undefined, stray: [] };
  for (const line of stdout.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const parsed = parseUpLine(line);
    if (parsed === undefined) output.stray.push(line);
    else if (parsed.type === 'event') output.events.push(parsed);
    else output.outcome = parsed;
  }
  return output;
}
