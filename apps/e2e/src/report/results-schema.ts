import { z } from 'zod';
import { checkIds } from '../checks/check-ids.ts';

/** How long one stage of the guest's install (from `winguest up`) took. */
export const stageTimingSchema = z.object({ stage: z.string(), durationMs: z.number().nonnegative() });

/** The harness's own steps around the guest, in order. */
export const phaseNames = ['media', 'up', 'checks', 'logs', 'stop', 'image', 'clones', 'rm'] as const;

/** One clone of a scenario with `options.clones`: how fast it was ready and who it is. */
export const cloneResultSchema = z.object({
  name: z.string(),
  /** From the start of its `winguest up --image` until an SSH login worked. */
  timeToSshMs: z.number().nonnegative().optional(),
  /** What `hostname` printed in the clone. */
  hostname: z.string().optional(),
  /** The SSH host key the clone presented at its first login (`known_hosts`), type and key. */
  hostKey: z.string().optional(),
  ok: z.boolean(),
  /** Why it is not ok: `up`'s error (code and message) or what `hostname` over SSH said. */
  error: z.string().optional(),
});

/** One screenshot kept for the report: where it is (relative to the scenario folder) and why it was taken. */
export const frameSchema = z.object({
  file: z.string(),
  stage: z.string(),
  reason: z.string(),
  elapsedMs: z.number().nonnegative().optional(),
});

/** The outcome of one scenario. `not-run` is never a pass: `reason` says what was missing. */
export const scenarioResultSchema = z.object({
  scenario: z.string(),
  description: z.string(),
  guest: z.enum(['windows', 'standin']),
  family: z.string(),
  arch: z.enum(['amd64', 'arm64']),
  verdict: z.enum(['passed', 'failed', 'not-run']),
  /** Why it did not run, or what failed first. */
  reason: z.string().optional(),
  startedAt: z.string(),
  /** Wall time of the whole scenario, harness included. */
  totalMs: z.number().nonnegative(),
  /** From the start of `winguest up` until an SSH login worked (`ready`). */
  timeToSshMs: z.number().nonnegative().optional(),
  /** With `options.clones`: the slowest clone's time to SSH (clones start in parallel). */
  cloneToSshMs: z.number().nonnegative().optional(),
  /** With `options.clones`: the wall time of `winguest image create` (clean stop, sysprep, convert). */
  imageCreateMs: z.number().nonnegative().optional(),
  /** With `options.clones`: whether the image was generalized (sysprep) before cloning. */
  imageGeneralized: z.boolean().optional(),
  /** With `options.clones`: each clone. */
  clones: z.array(cloneResultSchema).default([]),
  /** From QEMU's start until `ready`: the part a faster harness cannot shorten. */
  guestMs: z.number().nonnegative().optional(),
  /** The accelerator `up` used (`kvm`, `hvf`, `tcg`, …). */
  accelerator: z.string().optional(),
  stages: z.array(stageTimingSchema),
  phases: z.array(
    z.object({ phase: z.enum(phaseNames), durationMs: z.number().nonnegative(), ok: z.boolean() }),
  ),
  checks: z.array(
    z.object({
      id: z.enum(checkIds),
      title: z.string(),
      verdict: z.enum(['passed', 'failed']),
      detail: z.string(),
      durationMs: z.number().nonnegative(),
    }),
  ),
  failure: z
    .object({
      phase: z.enum(phaseNames),
      code: z.string().optional(),
      stage: z.string().optional(),
      message: z.string(),
      serialTail: z.array(z.string()).default([]),
    })
    .optional(),
  warnings: z.array(z.string()).default([]),
  /** Files in the scenario's artifact folder (paths relative to it). */
  artifacts: z.object({
    dir: z.string(),
    serialLog: z.string().optional(),
    previousSerialLog: z.string().optional(),
    qemuLog: z.string().optional(),
    provisionLog: z.string().optional(),
    qemuCommand: z.string().optional(),
    filmstrip: z.array(frameSchema).default([]),
  }),
});

/** The host a run happened on. */
export const hostInfoSchema = z.object({
  os: z.string(),
  arch: z.string(),
  cpus: z.number().int().positive(),
  memoryMiB: z.number().int().positive(),
  /** The accelerator `winguest doctor` proved (`kvm`, `hvf`, `whpx`) or `tcg`. */
  accelerator: z.string(),
  acceleratorDetail: z.string(),
});

/** Versions of what was tested and with what. */
export const versionsSchema = z.object({
  winguest: z.string(),
  node: z.string(),
  qemu: z.string().optional(),
  commit: z.string().optional(),
  standinKernel: z.string().optional(),
});

/** `results.json`: one run of the harness. */
export const runReportSchema = z.object({
  schemaVersion: z.literal(1),
  runId: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  host: hostInfoSchema,
  versions: versionsSchema,
  scenarios: z.array(scenarioResultSchema),
});

export type StageTiming = z.infer<typeof stageTimingSchema>;
export type PhaseName = (typeof phaseNames)[number];
export type Frame = z.infer<typeof frameSchema>;
export type CloneResult = z.infer<typeof cloneResultSchema>;
export type ScenarioResult = z.infer<typeof scenarioResultSchema>;
export type HostInfo = z.infer<typeof hostInfoSchema>;
export type Versions = z.infer<typeof versionsSchema>;
export type RunReport = z.infer<typeof runReportSchema>;

/** A result with nothing measured yet: `failed` until a run says otherwise, no phases, no checks. */
export function emptyResult(
  scenario: {
    name: string;
    description: string;
    guest: ScenarioResult['guest'];
    family: string;
    arch: ScenarioResult['arch'];
  },
  dir: string,
): ScenarioResult {
  return {
    scenario: scenario.name,
    description: scenario.description,
    guest: scenario.guest,
    family: scenario.family,
    arch: scenario.arch,
    verdict: 'failed',
    startedAt: new Date().toISOString(),
    totalMs: 0,
    stages: [],
    phases: [],
    checks: [],
    clones: [],
    warnings: [],
    artifacts: { dir, filmstrip: [] },
  };
}
