import type { Scenario } from '../scenario/scenario-schema.ts';
import type { DoctorFacts } from './doctor.ts';

/** Host files a scenario uses, resolved: the path, or why there is none. */
export type ResolvedMedia = { path: string } | { missing: string };

/** What decides whether a scenario can run, gathered by the caller. */
export interface EligibilityInput {
  scenario: Scenario;
  doctor: DoctorFacts;
  /** The host's architecture as a guest architecture (`amd64` or `arm64`). */
  hostArch: string;
  /** The scenario's `media` entries, resolved (`--iso`, then the environment variable, then the path). */
  media: Partial<Record<keyof Scenario['media'], ResolvedMedia>>;
}

/** Run it (with the resolved media paths), or report it as not run, with the reason. */
export type Eligibility =
  | { run: true; media: Partial<Record<keyof Scenario['media'], string>> }
  | { run: false; reason: string };

/**
 * Windows scenarios need all their media and an accelerator that really works for the guest's
 * architecture: under TCG an install takes hours, so it is reported as not run rather than left to
 * time out. A shared-folder scenario needs virtio-fs (virtiofsd) on the host. The stand-in guest
 * runs everywhere QEMU does. Every missing thing is named at once.
 */
export function decideEligibility({ scenario, doctor, hostArch, media }: EligibilityInput): Eligibility {
  const reasons: string[] = [];
  if (!doctor.ready) reasons.push(`winguest doctor: ${doctor.failures.join('; ') || 'host not ready'}`);
  const paths: Partial<Record<keyof Scenario['media'], string>> = {};
  for (const [key, resolved] of Object.entries(media) as Array<[keyof Scenario['media'], ResolvedMedia]>) {
    if ('path' in resolved) paths[key] = resolved.path;
    else reasons.push(resolved.missing);
  }
  if (scenario.options.sharedFolder && !doctor.shares.virtioFs)
    reasons.push(`the shared folder needs virtio-fs, which this host lacks (${doctor.shares.detail})`);
  if (scenario.guest === 'windows') {
    if (scenario.arch !== hostArch) {
      reasons.push(`${scenario.arch} guest on a ${hostArch} host has no accelerator (TCG would take hours)`);
    } else if (doctor.accelerator === 'tcg') {
      reasons.push(`no working accelerator: ${doctor.acceleratorDetail}`);
    }
  }
  return reasons.length === 0 ? { run: true, media: paths } : { run: false, reason: reasons.join('; ') };
}

/**
 * Where a media entry points: the command line's path (`--iso`), else the environment variable,
 * else the declared path. `exists` is the file check (passed in, so this stays pure).
 */
export function resolveMedia(
  label: string,
  source: { env?: string | undefined; path?: string | undefined },
  env: Record<string, string | undefined>,
  exists: (path: string) => boolean,
  override?: string,
): ResolvedMedia {
  const fromEnv = source.env ? env[source.env] : undefined;
  const path = override ?? (fromEnv || undefined) ?? source.path;
  const origin = override !== undefined ? 'the command line' : fromEnv ? `$${source.env}` : 'the scenario';
  if (path === undefined) return { missing: `${label}: set $${source.env} to its path` };
  if (!exists(path)) return { missing: `${label}: ${path} (from ${origin}) does not exist` };
  return { path };
}
