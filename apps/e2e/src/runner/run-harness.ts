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

/** The stand-in guest's kernel, initrd and command line, built (or taken from the cache) once per run. */
export interface StandinBoot {
  kernel: string;
  initrd: string;
  append: string;
  kernelVersion: string;
}

/** Everything `pnpm e2e` was asked to do. */
export interface HarnessOptions {
  scenarios: Scenario[];
  /** `--iso`: the install ISO of the one selected scenario. */
  iso?: string | undefined;
  out: string;
  cliPath: string;
  keepPassingFilmstrips: boolean;
  concurrency?: number | undefined;
  /** Builds the stand-in guest; called only when a stand-in scenario runs. */
  standin: () => Promise<StandinBoot>;
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
  const standin = runnable.some((d) => d.scenario.guest === 'standin')
    ? await buildStandin(options)
    : undefined;
  if (standin && 'kernelVersion' in standin) versions.standinKernel = standin.kernelVersion;
  const limit = concurrencyLimit(
    hostCapacity(),
    runnable.map((d) => d.scenario.options),
    options.concurrency,
  );
  options.log(`running ${runnable.length} of ${decided.length} scenarios, ${limit} at a time`);
  const ran = await runBounded(runnable, limit, async ({ scenario, eligibility }) => {
    if (scenario.guest === 'standin' && standin && 'error' in standin) {
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
        kernel: scenario.guest === 'standin' && standin && 'kernel' in standin ? standin : undefined,
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
async function buildStandin(options: HarnessOptions): Promise<StandinBoot | { error: string }> {
  options.log('building the stand-in guest (cached after the first time)');
  return options
    .standin()
    .catch((error: Error) => ({ error: `building the stand-in guest failed: ${error.message}` }));
}

function notRun(scenario: Scenario, reason: string, out: string): ScenarioResult {
  return { ...emptyResult(scenario, join(out, scenario.name)), verdict: 'not-run', reason };
}
