import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { sharedFolderMarker } from '../checks/shared-folder-check.ts';
import { emptyResult, type PhaseName, type ScenarioResult } from '../report/results-schema.ts';
import { type ConfigInputs, scenarioConfig } from '../scenario/scenario-config.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { cloneConfigWriter, cloneGuests, cloneNames } from './clone-guests.ts';
import { collectLogs, saveFilmstrip, saveQemuCommand } from './collect-artifacts.ts';
import { acceleratorOf } from './qemu-command.ts';
import { runChecks } from './run-checks.ts';
import { parseUpLine, parseUpOutput, type UpResultLine } from './up-output.ts';
import { summarizeUp, type UpSummary } from './up-summary.ts';
import { type WinguestCli, winguestCli } from './winguest-cli.ts';

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
}

/** What the steps of one scenario share. */
interface Session {
  run: ScenarioRun;
  cli: WinguestCli;
  home: string;
  password: string;
  /** `--config <file>` and, when there is one, `--iso <file>`. */
  configArgs: string[];
  result: ScenarioResult;
}

/**
 * Runs one scenario the way a user would: `winguest build` (the media), `up --json --detach`, the
 * checks over `winguest ssh`, `logs`, `stop`, `rm --force` — in a fresh WINGUEST_HOME — and
 * returns its result with the artifacts saved in `run.dir`.
 */
export async function runScenario(run: ScenarioRun): Promise<ScenarioResult> {
  const started = performance.now();
  const session = await openSession(run);
  try {
    if (!(await buildMedia(session))) return session.result;
    const { outcome, summary } = await bootGuest(session);
    const command = await saveQemuCommand(run.dir, outcome?.pid, join(session.home, 'build', 'qemu.sh'));
    if (command) session.result.artifacts.qemuCommand = command.file;
    if (command?.argv) session.result.accelerator ??= acceleratorOf(command.argv);
    if (outcome) await checkGuest(session);
    await collect(session, summary);
    // Cloning stops the source itself (image create); clones are removed with the source.
    if (outcome && run.scenario.options.clones && !session.result.failure) await cloneAndCheck(session);
    else if (outcome) await stopGuest(session);
    return session.result;
  } finally {
    await removeInstance(session);
    session.result.totalMs = Math.round(performance.now() - started);
    const { failure } = session.result;
    if (failure) session.result.reason = `${failure.phase}: ${failure.message}`;
    else session.result.verdict = 'passed';
  }
}

async function openSession(run: ScenarioRun): Promise<Session> {
  const { scenario, dir } = run;
  // A short home keeps the QMP socket path under the 108-byte limit of Unix sockets.
  const home = await mkdtemp(join(tmpdir(), 'wg-e2e-'));
  const password = randomBytes(15).toString('base64url');
  const configPath = join(dir, 'winguest.yaml');
  // Artifacts of an earlier run in the same folder would be mistaken for this run's.
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const sharedFolder = scenario.options.sharedFolder ? join(dir, 'shared') : undefined;
  if (sharedFolder) {
    await mkdir(sharedFolder);
    await writeFile(join(sharedFolder, sharedFolderMarker), `${scenario.name}\n`);
  }
  await writeFile(configPath, stringify(scenarioConfig(scenario, { ...run.config, sharedFolder })));
  const result = emptyResult(scenario, dir);
  const cli = winguestCli(run.cliPath, { WINGUEST_HOME: home, WINGUEST_PASSWORD: password });
  const configArgs = ['--config', configPath, ...(run.iso ? ['--iso', run.iso] : [])];
  return { run, cli, home, password, configArgs, result };
}

function record(session: Session, phase: PhaseName, durationMs: number, ok: boolean): void {
  session.result.phases.push({ phase, durationMs, ok });
}

/** Records the first failure (later ones are consequences and stay in the phases). */
function fail(
  session: Session,
  phase: PhaseName,
  message: string,
  extra: Partial<NonNullable<ScenarioResult['failure']>> = {},
) {
  session.result.failure ??= { phase, message, serialTail: [], ...extra };
}

async function buildMedia(session: Session): Promise<boolean> {
  const build = await session.cli.run(['build', '--out', join(session.home, 'build'), ...session.configArgs]);
  record(session, 'media', build.durationMs, build.exitCode === 0);
  if (build.exitCode !== 0)
    fail(session, 'media', `winguest build exited ${build.exitCode}: ${build.stderr.trim()}`);
  else session.run.log(`${session.run.scenario.name}: media built in ${build.durationMs} ms; winguest up`);
  return build.exitCode === 0;
}

/** `winguest up --json --detach`; the result line when the guest is ready, else undefined (failure recorded). */
async function bootGuest(
  session: Session,
): Promise<{ outcome: UpResultLine | undefined; summary: UpSummary }> {
  const { run, result } = session;
  const name = run.scenario.name;
  const up = await session.cli.run(['up', name, ...session.configArgs, '--json', '--detach'], {
    onLine: (line) => {
      const event = parseUpLine(line);
      if (event?.type === 'event' && event.event === 'stage')
        run.log(`${name}: ${event.elapsedMs} ms ${event.stage}`);
    },
  });
  const output = parseUpOutput(up.stdout);
  const summary = summarizeUp(output);
  const outcome = output.outcome;
  record(session, 'up', up.durationMs, outcome?.type === 'result');
  result.stages = summary.stages;
  if (summary.timeToSshMs !== undefined) result.timeToSshMs = summary.timeToSshMs;
  if (summary.guestMs !== undefined) result.guestMs = summary.guestMs;
  if (outcome?.type === 'result') {
    result.warnings = outcome.warnings;
    if (outcome.accelerator) result.accelerator = outcome.accelerator;
    return { outcome, summary };
  }
  if (outcome?.type === 'error') {
    const tail = outcome.serialTail;
    fail(session, 'up', `${outcome.code}: ${outcome.message}`, {
      code: outcome.code,
      ...(outcome.stage ? { stage: outcome.stage } : {}),
      serialTail: typeof tail === 'string' ? tail.split(/\r?\n/) : (tail ?? []),
    });
  } else {
    const said = [...output.stray, up.stderr].join('\n').trim().slice(-2000);
    fail(session, 'up', `winguest up exited ${up.exitCode} without a result line: ${said}`);
  }
  return { outcome: undefined, summary };
}

async function checkGuest(session: Session): Promise<void> {
  const { run, result } = session;
  const started = performance.now();
  const checked = await runChecks(
    session.cli,
    run.scenario.name,
    { scenario: run.scenario, password: session.password },
    run.dir,
  );
  result.checks = checked.checks;
  if (checked.provisionLog) result.artifacts.provisionLog = checked.provisionLog;
  const failed = result.checks.filter((c) => c.verdict === 'failed');
  record(session, 'checks', Math.round(performance.now() - started), failed.length === 0);
  if (failed.length > 0) fail(session, 'checks', failed.map((c) => `${c.id}: ${c.detail}`).join('; '));
}

async function collect(session: Session, summary: UpSummary): Promise<void> {
  const { run, result } = session;
  const started = performance.now();
  const logs = await collectLogs(session.cli, run.scenario.name, run.dir);
  record(session, 'logs', Math.round(performance.now() - started), logs.ok);
  Object.assign(result.artifacts, logs.artifacts);
  if (result.failure || run.keepPassingFilmstrip) {
    result.artifacts.filmstrip = await saveFilmstrip(
      run.dir,
      run.scenario.name,
      summary.screenshots,
      logs.screenshots,
    );
  }
}

async function stopGuest(session: Session): Promise<void> {
  const stop = await session.cli.run(['stop', session.run.scenario.name]);
  record(session, 'stop', stop.durationMs, stop.exitCode === 0);
  if (stop.exitCode !== 0)
    fail(session, 'stop', `winguest stop exited ${stop.exitCode}: ${stop.stderr.trim()}`);
}

async function cloneAndCheck(session: Session): Promise<void> {
  const { run, result } = session;
  const config = { image: session.configArgs.slice(0, 2), clone: cloneConfigWriter(run) };
  const cloned = await cloneGuests(session.cli, session.home, run.scenario, config);
  record(session, 'image', cloned.image.durationMs, cloned.image.exitCode === 0);
  result.imageCreateMs = cloned.image.durationMs;
  result.imageGeneralized = Boolean(run.scenario.options.clones?.generalize);
  if (cloned.clones.length) {
    record(session, 'clones', cloned.clonesMs, !cloned.failure);
    result.clones = cloned.clones;
    const times = cloned.clones.flatMap((c) => (c.timeToSshMs === undefined ? [] : [c.timeToSshMs]));
    if (times.length === cloned.clones.length) result.cloneToSshMs = Math.max(...times);
    run.log(`${run.scenario.name}: ${times.length} clones ready, slowest ${result.cloneToSshMs ?? '?'} ms`);
  }
  if (cloned.failure) fail(session, cloned.failure.phase, cloned.failure.message);
}

async function removeInstance(session: Session): Promise<void> {
  const name = session.run.scenario.name;
  for (const clone of cloneNames(session.run.scenario).clones) {
    const dir = join(session.home, 'instances', clone);
    if (!existsSync(dir)) continue;
    // The clone's serial log (its stages and the keys it authorized) outlives the clone.
    await copyFile(join(dir, 'serial.log'), join(session.run.dir, `${clone}-serial.log`)).catch(() => {});
    await session.cli.run(['rm', clone, '--force']);
  }
  // Instances live in <home>/instances/<name>/; `up` may have failed before creating one.
  if (existsSync(join(session.home, 'instances', name))) {
    const removed = await session.cli.run(['rm', name, '--force']);
    record(session, 'rm', removed.durationMs, removed.exitCode === 0);
    if (removed.exitCode !== 0)
      fail(session, 'rm', `winguest rm exited ${removed.exitCode}: ${removed.stderr.trim()}`);
  }
  await rm(session.home, { recursive: true, force: true });
}
