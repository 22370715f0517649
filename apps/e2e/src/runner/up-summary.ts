import type { StageTiming } from '../report/results-schema.ts';
import type { UpEvent, UpOutput } from './up-output.ts';

/** A screenshot `up` reported: its path on the host and the stage it shows. */
export interface Screenshot {
  path: string;
  stage: string;
  reason: string;
  elapsedMs: number;
}

/** The figures the report takes from one `up`. */
export interface UpSummary {
  stages: StageTiming[];
  /** When the `ready` stage began (the SSH login worked), from the start of `up`. */
  timeToSshMs: number | undefined;
  /**
   * The guest's own time: from QEMU's start (`qemu-started` action) until the guest said
   * `WINGUEST ready` (until `ready` for a guest that prints no such line). The readiness login after
   * that line is time the runner adds, outside QEMU.
   */
  guestMs: number | undefined;
  /** The stage the guest was in last. */
  lastStage: string | undefined;
  screenshots: Screenshot[];
}

/**
 * Stage durations, time to SSH and screenshots from `up`'s events and final line. A successful run
 * takes the stages from its result; a failed one adds them up from the stage events, the last stage
 * lasting until the last event.
 */
export function summarizeUp(output: UpOutput): UpSummary {
  const stageEvents = output.events.filter((e) => e.event === 'stage' && e.stage !== undefined);
  const ready = stageEvents.find((e) => e.stage === 'ready');
  const qemuStarted = output.events.find((e) => e.event === 'action' && e.action === 'qemu-started');
  const guestReady = output.events.find((e) => e.event === 'serial' && e.line === 'WINGUEST ready') ?? ready;
  const outcome = output.outcome;
  const stages =
    outcome?.type === 'result'
      ? outcome.stages.flatMap((s) =>
          s.durationMs === undefined ? [] : [{ stage: s.stage, durationMs: s.durationMs }],
        )
      : stagesFromEvents(stageEvents, output.events);
  return {
    stages,
    timeToSshMs: ready?.elapsedMs,
    guestMs:
      ready && guestReady && qemuStarted
        ? Math.max(0, guestReady.elapsedMs - qemuStarted.elapsedMs)
        : undefined,
    lastStage: stageEvents.at(-1)?.stage,
    screenshots: output.events.flatMap((e) =>
      e.event === 'screenshot' && e.path
        ? [
            {
              path: e.path,
              stage: e.stage ?? 'unknown',
              reason: e.reason ?? 'unknown',
              elapsedMs: e.elapsedMs,
            },
          ]
        : [],
    ),
  };
}

function stagesFromEvents(stageEvents: UpEvent[], all: UpEvent[]): StageTiming[] {
  const stages: StageTiming[] = [];
  for (const event of stageEvents) {
    if (event.previous) stages.push({ stage: event.previous.stage, durationMs: event.previous.durationMs });
  }
  const last = stageEvents.at(-1);
  const end = all.at(-1);
  if (last?.stage && end && last.stage !== 'ready') {
    stages.push({ stage: last.stage, durationMs: Math.max(0, end.elapsedMs - last.elapsedMs) });
  }
  return stages;
}
