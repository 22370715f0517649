import { z } from 'zod';
import { type RunReport, stageTimingSchema } from './results-schema.ts';

/** One line of the history file (JSON Lines): one scenario of one run. */
export const historyEntrySchema = z.object({
  runId: z.string(),
  date: z.string(),
  commit: z.string().optional(),
  scenario: z.string(),
  verdict: z.enum(['passed', 'failed', 'not-run']),
  timeToSshMs: z.number().optional(),
  guestMs: z.number().optional(),
  totalMs: z.number(),
  stages: z.array(stageTimingSchema),
  accelerator: z.string(),
  hostArch: z.string(),
  winguest: z.string(),
});

export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** The history lines of a run, one per scenario, each ending with a newline. */
export function historyLines(report: RunReport): string {
  return report.scenarios
    .map((s) => {
      const entry: HistoryEntry = {
        runId: report.runId,
        date: report.startedAt,
        ...(report.versions.commit ? { commit: report.versions.commit } : {}),
        scenario: s.scenario,
        verdict: s.verdict,
        ...(s.timeToSshMs === undefined ? {} : { timeToSshMs: s.timeToSshMs }),
        ...(s.guestMs === undefined ? {} : { guestMs: s.guestMs }),
        totalMs: s.totalMs,
        stages: s.stages,
        accelerator: s.accelerator ?? report.host.accelerator,
        hostArch: report.host.arch,
        winguest: report.versions.winguest,
      };
      return `${JSON.stringify(entry)}\n`;
    })
    .join('');
}

/** Reads a history file; lines that do not parse are counted, not fatal (a file outlives its schema). */
export function parseHistory(text: string): { entries: HistoryEntry[]; skipped: number } {
  const entries: HistoryEntry[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      entries.push(historyEntrySchema.parse(JSON.parse(line)));
    } catch {
      skipped++;
    }
  }
  return { entries, skipped };
}
