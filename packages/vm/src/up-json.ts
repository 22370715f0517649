import * as z from 'zod';

/**
 * The NDJSON a program prints while it runs `up`/`start` for others to read (`winguest up --json`):
 * one `event` line per `VmEvent` (its `type` renamed `event`), then one `result` line (the
 * `UpResult`) or one `error` line (the `VmError`'s code, message and failure context). Readers
 * parse it with these schemas, never with the human output. Unknown fields are kept (`looseObject`)
 * so adding one is not a breaking change.
 */
export const upEventLineSchema = z.looseObject({
  type: z.literal('event'),
  /** The `VmEvent` type: stage, step, serial, firmware, reboot, screenshot, warning, action. */
  event: z.string(),
  /** ISO time of the event. */
  at: z.string().optional(),
  /** Milliseconds since the call started. */
  elapsedMs: z.number(),
  stage: z.string().optional(),
  step: z.string().optional(),
  status: z.string().optional(),
  action: z.string().optional(),
  path: z.string().optional(),
  reason: z.string().optional(),
  message: z.string().optional(),
  /** With `stage`: the stage that ended and how long it took. */
  previous: z.object({ stage: z.string(), durationMs: z.number() }).optional(),
});

/** One stage of the result; the last (`ready`) is still running, so it has no duration. */
export const upStageTimingSchema = z.object({
  stage: z.string(),
  startedAt: z.number().optional(),
  durationMs: z.number().nonnegative().optional(),
});

/** The final line of a successful run: the `UpResult`. */
export const upResultLineSchema = z.looseObject({
  type: z.literal('result'),
  name: z.string(),
  dir: z.string().optional(),
  mode: z.enum(['install', 'installed']).optional(),
  alreadyRunning: z.boolean().optional(),
  accelerator: z.enum(['kvm', 'hvf', 'whpx', 'tcg']).optional(),
  pid: z.number().optional(),
  ports: z.object({ ssh: z.number(), rdp: z.number().optional() }).optional(),
  stages: z.array(upStageTimingSchema),
  totalMs: z.number(),
  ejected: z.array(z.string()).default([]),
  screenshot: z.string().nullish(),
  warnings: z.array(z.string()).default([]),
});

/** The final line of a failed run. */
export const upErrorLineSchema = z.looseObject({
  type: z.literal('error'),
  code: z.string(),
  message: z.string(),
  stage: z.string().nullish(),
  screenshot: z.string().nullish(),
  serialTail: z.union([z.array(z.string()), z.string()]).nullish(),
  stderr: z.string().nullish(),
});

/** Any line of the NDJSON output. */
export const upJsonLineSchema = z.discriminatedUnion('type', [
  upEventLineSchema,
  upResultLineSchema,
  upErrorLineSchema,
]);

/** One parsed line. */
export type UpJsonLine = z.output<typeof upJsonLineSchema>;
