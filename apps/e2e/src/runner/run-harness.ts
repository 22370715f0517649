import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { emptyResult, type RunReport, type ScenarioResult } from '../report/results-schema.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { concurrencyLimit } from './concurrency.ts';
import { decideEligibility, type Eligibility, type ResolvedMedia, resolveMedia } from './eligibility.ts';
import { hostCapacity, hostGuestArch, probeHost } from './host.ts';
import { runBounded } from './pool.ts';
import { runScenario } from './run-scenario.ts';
import { winguestCli } from './winguest-cli.ts';

/**
 * The stand-in guest, built (or taken from the cache) once per run and architecture: amd64's kernel,
 * initrd and command line for direct boot, or arm64's EFI boot media.
 */
export type StandinBoot =
  | { kernel: string; initrd: string; append: string; kernelVersion: string }
  | { bootIso: string; kernelVersion: string };

/** Everything `pnpm e2e` was asked to do. */
export interface HarnessOptions {
  scenarios: Scenario[];
  /** `--iso`: the install ISO of the one selected scenario. */
  iso?: string | undefined;
  out: string;
  cliPath: string;
  keepPassingFilmstrips: boolean;
  concurrency?: number | undefined;
  /** Builds the stand-in guest for an architecture; called only when a stand-in scenario runs on it. */
  standin: (arch: 'amd64' | 'arm64') => Promise<StandinBoot>;
  log: (line: string) => void;
  env?: Record<string, string | undefined>;
}

/** Probes the host, decides what can run, runs it with bounded concurrency, returns the report. */
export async function runHarness(options: HarnessOptions): Promise<RunReport> {
  const startedAt = new Date().toISOString();
  const env = options.env ?? process.env;
  const { host, versions, doctor } = await probeHost(winguestCli(options.cliPath, {}));
  options.log(`host: ${host.os} ${host.arch}, ${host.cpus} CPUs, accelerator ${host.accelerator}`);
  const decided = options.scenarios.map((scenario) => {
    const media: Partial<Record<keyof Scenario['media'], ResolvedMedia>> = {};
    for (const [key, source] of Object.entries(scenario.media) as Array<
      [keyof Scenario['media'], { env?: string; path?: string }]
    >) {
      media[key] = resolveMedia(key, source, env, existsSync, key === 'iso' ? options.iso : undefined);
    }
    return {
      scenario,
      eligibility: decideEligibility({ scenario, doctor, hostArch: hostGuestArch(), media }),
    };
  });
  const runnable = decided.filter(
    (d): d is { scenario: Scenario; eligibility: Extract<Eligibility, { run: true }> } => d.eligibility.run,
  );
  const standins = new Map<string, StandinBoot | { error: string }>();
  for (const { scenario } of runnable) {
    if (scenario.guest !== 'standin' || standins.has(scenario.arch)) continue;
    const built = await buildStandin(options, scenario.arch);
    standins.set(scenario.arch, built);
    if ('kernelVersion' in built) {
      versions.standinKernel = [versions.standinKernel, built.kernelVersion].filter(Boolean).join(', ');
    }
  }
  const limit = concurrencyLimit(
    hostCapacity(),
    runnable.map((d) => d.scenario.options),
    options.concurrency,
  );
  options.log(`running ${runnable.length} of ${decided.length} scenarios, ${limit} at a time`);
  const ran = await runBounded(runnable, limit, async ({ scenario, eligibility }) => {
    const standin = scenario.guest === 'standin' ? standins.get(scenario.arch) : undefined;
    if (standin && 'error' in standin) {
      const failure = { phase: 'media' as const, message: standin.error, serialTail: [] };
      return {
        ...notRun(scenario, `media: ${standin.error}`, options.out),
        verdict: 'failed' as const,
        failure,
      };
    }
    return runScenario({
      scenario,
      iso: eligibility.media.iso,
      config: {
        drivers: eligibility.media.drivers,
        opensshMsi: eligibility.media.opensshMsi,
        winfspMsi: eligibility.media.winfspMsi,
        kernel: standin && 'kernel' in standin ? standin : undefined,
        bootIso: standin && 'bootIso' in standin ? standin.bootIso : undefined,
      },
      dir: join(options.out, scenario.name),
      cliPath: options.cliPath,
      keepPassingFilmstrip: options.keepPassingFilmstrips,
      log: options.log,
    });
  });
  const scenarios = decided.map(({ scenario, eligibility }) =>
    eligibility.run
      ? (ran[runnable.findIndex((d) => d.scenario === scenario)] as ScenarioResult)
      : notRun(scenario, eligibility.reason, options.out),
  );
  return {
    schemaVersion: 1,
    runId: env.GITHUB_RUN_ID ?? startedAt,
    startedAt,
    finishedAt: new Date().toISOString(),
    host,
    versions,
    scenarios,
  };
}

/** The stand-in build, or why it failed (which fails the stand-in scenarios: it is part of them). */
async function buildStandin(
  options: HarnessOptions,
  arch: 'amd64' | 'arm64',
): Promise<StandinBoot | { error: string }> {
  options.log(`building the ${arch} stand-in guest (cached after the first time)`);
  return options
    .standin(arch)
    .catch((error: Error) => ({ error: `building the stand-in guest failed: ${error.message}` }));
}

function notRun(scenario: Scenario, reason: string, out: string): ScenarioResult {
  return { ...emptyResult(scenario, join(out, scenario.name)), verdict: 'not-run', reason };
}
