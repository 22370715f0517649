import { z } from 'zod';
import { stageTimingSchema } from '../report/results-schema.ts';

/** One `{"type":"event",…}` line of `winguest up --json`: a `VmEvent` of @winguest/vm (`type` → `event`). */
const eventLineSchema = z.looseObject({
  type: z.literal('event'),
  event: z.string(),
  elapsedMs: z.number(),
  stage: z.string().optional(),
  action: z.string().optional(),
  path: z.string().optional(),
  reason: z.string().optional(),
  previous: z.object({ stage: z.string(), durationMs: z.number() }).optional(),
});

// The last stage (`ready`) is still running, so it has a start but no duration yet.
const resultStageSchema = stageTimingSchema.extend({ durationMs: z.number().nonnegative().optional() });

const resultLineSchema = z.looseObject({
  type: z.literal('result'),
  name: z.string(),
  pid: z.number().optional(),
  accelerator: z.string().optional(),
  stages: z.array(resultStageSchema),
  totalMs: z.number(),
  ejected: z.unknown().optional(),
  screenshot: z.string().nullish(),
  warnings: z.array(z.string()).default([]),
  mode: z.string().optional(),
});

const errorLineSchema = z.looseObject({
  type: z.literal('error'),
  code: z.string(),
  message: z.string(),
  stage: z.string().nullish(),
  screenshot: z.string().nullish(),
  serialTail: z.union([z.array(z.string()), z.string()]).nullish(),
  stderr: z.string().nullish(),
});

export type UpEvent = z.infer<typeof eventLineSchema>;
export type UpResultLine = z.infer<typeof resultLineSchema>;
export type UpErrorLine = z.infer<typeof errorLineSchema>;

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
  const schema = z.discriminatedUnion('type', [eventLineSchema, resultLineSchema, errorLineSchema]);
  const parsed = schema.safeParse(value);
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
