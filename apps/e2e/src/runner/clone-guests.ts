import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { CloneResult } from '../report/results-schema.ts';
import { type ConfigInputs, scenarioConfig } from '../scenario/scenario-config.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { parseUpOutput } from './up-output.ts';
import { summarizeUp } from './up-summary.ts';
import type { CliRun, WinguestCli } from './winguest-cli.ts';

/** What `cloneGuests` measured, and the first thing that went wrong (if anything). */
export interface CloneRun {
  image: CliRun;
  clones: CloneResult[];
  /** Wall time of starting every clone in parallel until the last was ready. */
  clonesMs: number;
  failure?: { phase: 'image' | 'clones'; message: string };
}

/** The names a scenario's image and clones get. */
export const cloneNames = (scenario: Scenario) => ({
  image: `${scenario.name}-image`,
  clones: Array.from({ length: scenario.options.clones?.count ?? 0 }, (_, i) => `${scenario.name}-c${i + 1}`),
});

/**
 * The computer name the N-th clone's own config asks for (≤ 15 characters): each clone is set up
 * like a new machine from one description, as a CI job would set up its own.
 */
export const cloneComputerName = (scenario: Scenario, index: number) =>
  `${scenario.expect.computerName.slice(0, 11)}-c${index + 1}`;

/**
 * Writes the N-th clone's `winguest.yaml` into the scenario folder: the scenario's config with the
 * clone's own computer name (no install ISO: a clone needs none). Returns its `--config` arguments.
 */
export function cloneConfigWriter(run: { scenario: Scenario; dir: string; config: ConfigInputs }) {
  return async (index: number): Promise<string[]> => {
    const expect = { ...run.scenario.expect, computerName: cloneComputerName(run.scenario, index) };
    const path = join(run.dir, `winguest-clone-${index + 1}.yaml`);
    await writeFile(path, stringify(scenarioConfig({ ...run.scenario, expect }, run.config)));
    return ['--config', path];
  };
}

/**
 * `winguest image create` from the scenario's installed, running guest (`--generalize`: sysprep in
 * it first; either way it is stopped), then every clone with `up --image --json --detach` at once.
 * Each clone is timed to SSH, asked its hostname over `winguest ssh`, and its host key read from
 * the `known_hosts` winguest recorded at its first login. Generalized clones must all differ in
 * both, and from the source.
 */
export async function cloneGuests(
  cli: WinguestCli,
  home: string,
  scenario: Scenario,
  config: { image: string[]; clone: (index: number) => Promise<string[]> },
): Promise<CloneRun> {
  const options = scenario.options.clones;
  const names = cloneNames(scenario);
  const generalize = options?.generalize ? ['--generalize'] : [];
  const image = await cli.run([
    'image',
    'create',
    names.image,
    '--from',
    scenario.name,
    ...generalize,
    ...config.image,
    '--json',
  ]);
  if (image.exitCode !== 0) {
    const message = `winguest image create exited ${image.exitCode}: ${image.stderr.trim()}`;
    return { image, clones: [], clonesMs: 0, failure: { phase: 'image', message } };
  }
  const started = performance.now();
  const clones = await Promise.all(
    names.clones.map(async (name, i) =>
      startClone(cli, home, name, names.image, await config.clone(i), cloneUpTimeoutMs(scenario)),
    ),
  );
  const clonesMs = Math.round(performance.now() - started);
  const problem = cloneProblem(clones, Boolean(options?.generalize), scenario.expect.computerName);
  return { image, clones, clonesMs, ...(problem ? { failure: { phase: 'clones', message: problem } } : {}) };
}

async function startClone(
  cli: WinguestCli,
  home: string,
  name: string,
  image: string,
  configArgs: string[],
  timeoutMs: number,
): Promise<CloneResult> {
  // Past the bound `up` gets SIGTERM and still reports its error (with why a login is refused).
  const up = await cli.run(['up', name, '--image', image, ...configArgs, '--json', '--detach'], {
    timeoutMs,
  });
  const output = parseUpOutput(up.stdout);
  const timeToSshMs = summarizeUp(output).timeToSshMs;
  if (output.outcome?.type !== 'result') {
    const error =
      output.outcome?.type === 'error'
        ? `${output.outcome.code}: ${output.outcome.message}`
        : `winguest up exited ${up.exitCode} without a result line: ${up.stderr.trim().slice(-500)}`;
    return { name, ok: false, error, ...(timeToSshMs ? { timeToSshMs } : {}) };
  }
  const hostname = await cli.run(['ssh', name, '--', 'hostname'], { timeoutMs: 120_000 });
  const knownHosts = await readFile(join(home, 'instances', name, 'known_hosts'), 'utf8').catch(() => '');
  // `[127.0.0.1]:PORT ssh-ed25519 AAAA…`: the key without the (per-clone) port.
  const hostKey = knownHosts.split('\n')[0]?.split(' ').slice(1).join(' ') || undefined;
  return {
    name,
    ok: hostname.exitCode === 0,
    ...(timeToSshMs !== undefined ? { timeToSshMs } : {}),
    ...(hostname.exitCode === 0
      ? { hostname: hostname.stdout.trim() }
      : { error: `winguest ssh ${name} -- hostname exited ${hostname.exitCode}: ${hostname.stderr.trim()}` }),
    ...(hostKey ? { hostKey } : {}),
  };
}

/**
 * How long one clone's `up` may take before the harness stops it: a clone that said ready but
 * refuses every login would otherwise wait out the provisioning stage's timeout (hours under TCG).
 */
export const cloneUpTimeoutMs = (scenario: Scenario) => (scenario.guest === 'standin' ? 10 : 45) * 60_000;

/** Why the clones fail the scenario, if they do: one not ready, or generalized ones alike. */
export function cloneProblem(
  clones: CloneResult[],
  generalized: boolean,
  sourceName: string,
): string | undefined {
  const notReady = clones.filter((c) => !c.ok).map((c) => (c.error ? `${c.name} (${c.error})` : c.name));
  if (notReady.length) return `not ready over SSH: ${notReady.join('; ')}`;
  if (!generalized) return undefined;
  const names = clones.map((c) => (c.hostname ?? '').toLowerCase());
  if (new Set([...names, sourceName.toLowerCase()]).size !== clones.length + 1)
    return `generalized clones must have their own hostnames (source ${sourceName}): ${names.join(', ')}`;
  const keys = clones.map((c) => c.hostKey ?? '');
  if (keys.includes('') || new Set(keys).size !== keys.length)
    return `generalized clones must present their own SSH host keys: ${clones.map((c) => `${c.name} ${c.hostKey?.slice(-12) ?? 'none'}`).join(', ')}`;
  return undefined;
}
