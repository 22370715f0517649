import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { PhaseName, ScenarioResult } from '../report/results-schema.ts';
import { type ConfigInputs, scenarioConfig } from '../scenario/scenario-config.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { collectLogs, saveFilmstrip, saveQemuCommand } from './collect-artifacts.ts';
import { acceleratorOf } from './qemu-command.ts';
import { runChecks } from './run-checks.ts';
import { parseUpLine, parseUpOutput } from './up-output.ts';
import { summarizeUp } from './up-summary.ts';
import { winguestCli } from './winguest-cli.ts';

/** One scenario to run, with everything resolved. */
export interface ScenarioRun {
  scenario: Scenario;
  /** The install ISO (`--iso`), when the scenario has one. */
  iso?: string | undefined;
  config: ConfigInputs;
  /** The scenario's artifact folder (created). */
  dir: string;
  cliPath: string;
  /** Keep the filmstrip of a passing scenario too (failures always keep theirs). */
  keepPassingFilmstrip: boolean;
  /** Progress for the console. */
  log: (line: string) => void;
  /** Upper bound for `winguest up` as a whole (its stages have their own time-outs). */
  upTimeoutMs?: number;
}

/**
 * Runs one scenario the way a user would: `winguest build` (the media), `up --json --detach`, the
 * checks over `winguest ssh`, `logs`, `stop`, `rm --force` — each in a fresh WINGUEST_HOME — and
 * returns its result with the artifacts saved in `dir`.
 */
export async function runScenario(run: ScenarioRun): Promise<ScenarioResult> {
  const { scenario, dir, log } = run;
  const startedAt = new Date();
  const started = performance.now();
  // A short home keeps the QMP socket path under the 108-byte limit of Unix sockets.
  const home = await mkdtemp(join(tmpdir(), 'wg-e2e-'));
  const password = randomBytes(15).toString('base64url');
  const cli = winguestCli(run.cliPath, { WINGUEST_HOME: home, WINGUEST_PASSWORD: password });
  const configPath = join(dir, 'winguest.yaml');
  await mkdir(dir, { recursive: true });
  await writeFile(configPath, stringify(scenarioConfig(scenario, run.config)));
  const iso = run.iso ? ['--iso', run.iso] : [];
  const phases: ScenarioResult['phases'] = [];
  const record = (phase: PhaseName, durationMs: number, ok: boolean) =>
    phases.push({ phase, durationMs, ok });
  const result: ScenarioResult = {
    scenario: scenario.name,
    description: scenario.description,
    guest: scenario.guest,
    family: scenario.family,
    arch: scenario.arch,
    verdict: 'failed',
    startedAt: startedAt.toISOString(),
    totalMs: 0,
    stages: [],
    phases,
    checks: [],
    warnings: [],
    artifacts: { dir, filmstrip: [] },
  };
  const fail = (
    phase: PhaseName,
    message: string,
    extra: Partial<NonNullable<ScenarioResult['failure']>> = {},
  ) => {
    result.failure ??= { phase, message, serialTail: [], ...extra };
  };
  try {
    const build = await cli.run(['build', '--out', join(home, 'build'), '--config', configPath, ...iso]);
    record('media', build.durationMs, build.exitCode === 0);
    if (build.exitCode !== 0) {
      fail('media', `winguest build exited ${build.exitCode}: ${build.stderr.trim()}`);
      return result;
    }
    log(`${scenario.name}: media built in ${build.durationMs} ms; winguest up`);
    const up = await cli.run(['up', scenario.name, '--config', configPath, '--json', '--detach', ...iso], {
      ...(run.upTimeoutMs ? { timeoutMs: run.upTimeoutMs } : {}),
      onLine: (line) => {
        const event = parseUpLine(line);
        if (event?.type === 'event' && event.event === 'stage')
          log(`${scenario.name}: ${event.elapsedMs} ms ${event.stage}`);
      },
    });
    const output = parseUpOutput(up.stdout);
    const summary = summarizeUp(output);
    record('up', up.durationMs, output.outcome?.type === 'result');
    result.stages = summary.stages;
    if (summary.timeToSshMs !== undefined) result.timeToSshMs = summary.timeToSshMs;
    if (summary.guestMs !== undefined) result.guestMs = summary.guestMs;
    const outcome = output.outcome;
    if (outcome?.type === 'result') result.warnings = outcome.warnings;
    else if (outcome?.type === 'error') {
      const tail = outcome.serialTail;
      fail('up', `${outcome.code}: ${outcome.message}`, {
        code: outcome.code,
        ...(outcome.stage ? { stage: outcome.stage } : {}),
        serialTail: typeof tail === 'string' ? tail.split(/\r?\n/) : (tail ?? []),
      });
    } else {
      fail(
        'up',
        `winguest up exited ${up.exitCode} without a result line: ${[...output.stray, up.stderr].join('\n').trim().slice(-2000)}`,
      );
    }
    const pid = outcome?.type === 'result' ? outcome.pid : undefined;
    const command = await saveQemuCommand(dir, pid, join(home, 'build', 'qemu.sh'));
    if (command) {
      result.artifacts.qemuCommand = command.file;
      if (command.argv) result.accelerator = acceleratorOf(command.argv);
    }
    if (outcome?.type === 'result') {
      const checked = await timed(() => runChecks(cli, scenario.name, { scenario, password }, dir));
      record(
        'checks',
        checked.durationMs,
        checked.value.checks.every((c) => c.verdict === 'passed'),
      );
      result.checks = checked.value.checks;
      if (checked.value.provisionLog) result.artifacts.provisionLog = checked.value.provisionLog;
      const failed = result.checks.filter((c) => c.verdict === 'failed');
      if (failed.length > 0) fail('checks', failed.map((c) => `${c.id}: ${c.detail}`).join('; '));
    }
    const logs = await timed(() => collectLogs(cli, scenario.name, dir));
    record('logs', logs.durationMs, logs.value.ok);
    Object.assign(result.artifacts, logs.value.artifacts);
    if (result.failure || run.keepPassingFilmstrip) {
      result.artifacts.filmstrip = await saveFilmstrip(
        dir,
        scenario.name,
        summary.screenshots,
        logs.value.screenshots,
      );
    }
    if (outcome?.type === 'result') {
      const stop = await cli.run(['stop', scenario.name]);
      record('stop', stop.durationMs, stop.exitCode === 0);
      if (stop.exitCode !== 0) fail('stop', `winguest stop exited ${stop.exitCode}: ${stop.stderr.trim()}`);
    }
    return result;
  } finally {
    const removed = await cli.run(['rm', scenario.name, '--force']);
    // `rm` of an instance `up` never created fails; that is not the scenario's fault.
    if (phases.some((p) => p.phase === 'up')) {
      record('rm', removed.durationMs, removed.exitCode === 0);
      if (removed.exitCode !== 0)
        fail('rm', `winguest rm exited ${removed.exitCode}: ${removed.stderr.trim()}`);
    }
    await rm(home, { recursive: true, force: true });
    result.totalMs = Math.round(performance.now() - started);
    if (!result.failure) result.verdict = 'passed';
    else result.reason = `${result.failure.phase}: ${result.failure.message}`;
  }
}

async function timed<T>(task: () => Promise<T>): Promise<{ value: T; durationMs: number }> {
  const started = performance.now();
  const value = await task();
  return { value, durationMs: Math.round(performance.now() - started) };
}
