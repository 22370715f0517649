import * as z from 'zod';

/** One line of a host report: what was checked, how it went, and how to fix it. */
export const hostCheckSchema = z.object({
  name: z.string(),
  /** `fail` means a guest cannot be built or booted here; `warn` works with limits; `info` is optional. */
  level: z.enum(['ok', 'warn', 'fail', 'info']),
  detail: z.string(),
  fix: z.string().optional(),
});

/**
 * What a host offers for Windows guests, as a program reads it (`winguest doctor --json`): the
 * verdict, the accelerator a test guest proved for the host's own architecture, the QEMU found per
 * architecture, and the human check lines. Read the fields, never the check lines' prose.
 */
export const hostReportSchema = z.looseObject({
  /** A guest can be built and booted here (maybe only under TCG). */
  ready: z.boolean(),
  /** For the host's architecture; `proven` when a test guest ran with it. Null without QEMU. */
  accelerator: z
    .object({
      accelerator: z.enum(['kvm', 'hvf', 'whpx', 'tcg']),
      proven: z.boolean(),
      smm: z.boolean(),
      reason: z.string().optional(),
    })
    .nullable(),
  /** QEMU per guest architecture: its path and version, or null when not found. */
  qemu: z.object({
    amd64: z.object({ path: z.string(), version: z.string() }).nullable(),
    arm64: z.object({ path: z.string(), version: z.string() }).nullable(),
  }),
  checks: z.array(hostCheckSchema),
});

/** A parsed host report. */
export type HostReport = z.output<typeof hostReportSchema>;
/** One check line. */
export type HostCheck = z.output<typeof hostCheckSchema>;
