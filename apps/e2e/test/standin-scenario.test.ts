import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { describe, expect, test } from 'vitest';
import { formatOverhead, overheadOf } from '../src/report/format.ts';
import { runScenario } from '../src/runner/run-scenario.ts';
import { defaultCliPath } from '../src/runner/winguest-cli.ts';
import { scenarioInputs } from '../src/scenario/scenarios.ts';
import { parseScenarios } from '../src/scenario/select-scenarios.ts';
import { buildStandinBoot } from '../src/standin-boot.ts';

const gate = requireHostTools([
  { command: 'qemu-system-x86_64', debian: 'qemu-system-x86' },
  { command: 'qemu-img', debian: 'qemu-utils' },
  { command: 'apt-get', debian: 'apt' },
  { command: 'dpkg-deb', debian: 'dpkg' },
]);
const standin = parseScenarios(scenarioInputs).find((s) => s.guest === 'standin');

// One real boot cycle, as `pnpm e2e --scenario standin-amd64` runs it: the built CLI builds the
// media, `up` installs the stand-in guest under TCG (one reboot, eject, SSH), the checks run over
// `winguest ssh`, then logs, stop, rm. About a minute under TCG.
describe.skipIf(!gate.available)('the stand-in scenario, end to end', () => {
  test('passes every check, records stages and time to SSH, keeps its artifacts', {
    timeout: 600_000,
  }, async () => {
    if (!standin) throw new Error('no stand-in scenario');
    const dir = join(mkdtempSync(join(tmpdir(), 'e2e-standin-')), standin.name);
    const result = await runScenario({
      scenario: standin,
      config: { kernel: await buildStandinBoot() },
      dir,
      cliPath: defaultCliPath(),
      keepPassingFilmstrip: true,
      log: () => {},
    });
    expect(result.failure).toBeUndefined();
    expect(result.verdict).toBe('passed');
    expect(result.checks.map((c) => [c.id, c.verdict])).toEqual(standin.checks.map((id) => [id, 'passed']));
    // The stages `up` reported, in order (which ones the runner sees is @winguest/vm's business).
    const stages = result.stages.map((s) => s.stage);
    expect(stages[0]).toBe('firmware');
    expect(stages).toEqual(expect.arrayContaining(['setup', 'provisioning']));
    expect(result.timeToSshMs).toBeGreaterThan(0);
    expect(result.phases.map((p) => [p.phase, p.ok])).toEqual(
      ['media', 'up', 'checks', 'logs', 'stop', 'rm'].map((phase) => [phase, true]),
    );
    expect(readFileSync(join(dir, 'serial.log'), 'utf8')).toContain('WINGUEST ready');
    expect(readFileSync(join(dir, 'provision.log'), 'utf8')).toMatch(/WINGUEST ready\s*$/);
    expect(readFileSync(join(dir, 'qemu-command.txt'), 'utf8')).toContain('-kernel');
    expect(result.artifacts.filmstrip.length).toBeGreaterThan(0);
    expect(existsSync(join(dir, result.artifacts.filmstrip[0]?.file ?? 'none'))).toBe(true);
    const overhead = overheadOf(result);
    expect(overhead).toBeDefined();
    if (overhead) console.log(`[e2e] ${formatOverhead(standin.name, overhead)}`);
  });
});
