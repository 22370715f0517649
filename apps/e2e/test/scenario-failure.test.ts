import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderMarkdown } from '../src/report/markdown.ts';
import { runScenario } from '../src/runner/run-scenario.ts';
import { defaultCliPath } from '../src/runner/winguest-cli.ts';
import { scenarioInputs } from '../src/scenario/scenarios.ts';
import { parseScenarios } from '../src/scenario/select-scenarios.ts';

const standin = parseScenarios(scenarioInputs).find((s) => s.guest === 'standin');

// The real CLI's `up` refuses a boot ISO that is missing before it creates anything: the harness must
// turn its NDJSON error line into a failed result with the code, keep the config it used, and not
// blame `rm` for an instance that never existed.
describe('a scenario whose `up` fails, through the real CLI', () => {
  test('is failed at phase up with the CLI error code, and reported as such', async () => {
    if (!standin) throw new Error('no stand-in scenario');
    const dir = join(mkdtempSync(join(tmpdir(), 'e2e-fail-')), standin.name);
    const lines: string[] = [];
    const result = await runScenario({
      scenario: standin,
      config: { bootIso: join(dir, 'no-such-boot.iso') },
      dir,
      cliPath: defaultCliPath(),
      keepPassingFilmstrip: false,
      log: (line) => lines.push(line),
    });
    expect(result.verdict).toBe('failed');
    expect(result.failure).toMatchObject({ phase: 'up', code: 'preflight-failed' });
    expect(result.failure?.message).toContain('no-such-boot.iso');
    expect(result.phases.map((p) => [p.phase, p.ok])).toEqual([
      ['media', true],
      ['up', false],
      ['logs', false],
    ]);
    expect(result.checks).toEqual([]);
    expect(readFileSync(join(dir, 'winguest.yaml'), 'utf8')).toContain('computerName: e2e-standin');
    expect(existsSync(join(dir, 'qemu-command.txt'))).toBe(true);
    expect(
      renderMarkdown({
        schemaVersion: 1,
        runId: 't',
        startedAt: result.startedAt,
        finishedAt: result.startedAt,
        host: {
          os: 'linux',
          arch: 'amd64',
          cpus: 1,
          memoryMiB: 1024,
          accelerator: 'tcg',
          acceleratorDetail: '',
        },
        versions: { winguest: '0', node: process.versions.node },
        scenarios: [result],
      }),
    ).toContain('up: preflight-failed:');
  });
});
