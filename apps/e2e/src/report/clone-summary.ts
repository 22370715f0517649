import { formatDuration } from './format.ts';
import type { ScenarioResult } from './results-schema.ts';

/** Issue 18's targets for real Windows on KVM: a clone answers SSH within these. */
export const cloneTargetsMs = { plain: 60_000, generalized: 180_000 } as const;

/**
 * One report line for a scenario that cloned its guest: install-to-SSH next to clone-to-SSH (the
 * slowest of its parallel clones), with the target and whether it was met where it applies
 * (Windows on KVM); undefined for scenarios without clones.
 */
export function cloneSummaryLine(s: ScenarioResult): string | undefined {
  if (s.imageCreateMs === undefined) return undefined;
  const kind = s.imageGeneralized ? 'generalized' : 'plain';
  const target = cloneTargetsMs[kind];
  const applies = s.guest === 'windows' && s.accelerator === 'kvm';
  const verdict =
    s.cloneToSshMs === undefined || !applies
      ? `target ≤ ${formatDuration(target)} applies to Windows on KVM`
      : `${s.cloneToSshMs <= target ? 'met' : 'missed'}: target ≤ ${formatDuration(target)}`;
  const ready = s.clones.filter((c) => c.ok).length;
  return `- ${s.scenario}: install to SSH ${formatDuration(s.timeToSshMs)}; image create (${kind}) ${formatDuration(
    s.imageCreateMs,
  )}; ${ready}/${s.clones.length} clones ready, clone to SSH ${formatDuration(s.cloneToSshMs)} (slowest; ${verdict})`;
}
