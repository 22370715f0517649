import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { scenarioConfig } from './scenario-config.ts';
import type { ScenarioInput } from './scenario-schema.ts';
import { scenarioInputs } from './scenarios.ts';
import { parseScenarios, selectScenarios } from './select-scenarios.ts';

const cli = join(dirname(fileURLToPath(import.meta.url)), '../../../cli/dist/cli.js');
const all = parseScenarios(scenarioInputs);

describe('the declared scenarios', () => {
  test('parse, with a stand-in scenario, Windows 11 (with the bypass, and on TPM + Secure Boot without it) and Server 2025', () => {
    expect(all.map((s) => [s.name, s.guest])).toEqual([
      ['standin-amd64', 'standin'],
      ['win11-amd64', 'windows'],
      ['win11-secureboot-amd64', 'windows'],
      ['win11-shares-amd64', 'windows'],
      ['server2025-amd64', 'windows'],
      ['standin-arm64', 'standin'],
      ['win11-arm64', 'windows'],
      ['standin-clones-amd64', 'standin'],
      ['win11-clones-amd64', 'windows'],
      ['win11-clones-plain-amd64', 'windows'],
    ]);
  });

  test('the nightly Server 2025 scenario asks for virtio-blk + virtio-net with virtio-win; arm64 keeps NVMe', () => {
    const config = (name: string) => {
      const scenario = all.find((s) => s.name === name);
      if (!scenario) throw new Error(`no scenario ${name}`);
      return scenarioConfig(scenario, { drivers: '/media/virtio-win.iso' });
    };
    expect(config('server2025-amd64')).toMatchObject({
      media: { drivers: '/media/virtio-win.iso' },
      vm: { disk: { bus: 'virtio-blk', sizeGiB: 64 }, network: { model: 'virtio-net' } },
    });
    expect(config('win11-arm64')).toMatchObject({
      vm: { disk: { sizeGiB: 64 }, network: { model: 'virtio-net' } },
    });
    expect((config('win11-arm64').vm as { disk: object }).disk).not.toHaveProperty('bus');
    expect(config('win11-amd64').vm).not.toHaveProperty('network');
  });

  test.each(all.filter((s) => s.guest === 'windows').map((s) => [s.name, s] as const))(
    '%s: its winguest.yaml is accepted by the real CLI, which renders its choices',
    async (_name, scenario) => {
      const dir = mkdtempSync(join(tmpdir(), 'e2e-config-'));
      const file = join(dir, 'winguest.yaml');
      // Stand-ins for the host files the nightly downloads (the CLI hashes the MSI onto the media).
      const stub = (name: string) => {
        writeFileSync(join(dir, name), 'stub');
        return join(dir, name);
      };
      const inputs = {
        ...(scenario.media.opensshMsi ? { opensshMsi: stub('OpenSSH.msi') } : {}),
        ...(scenario.media.drivers ? { drivers: stub('virtio-win.iso') } : {}),
        ...(scenario.media.winfspMsi ? { winfspMsi: stub('winfsp.msi') } : {}),
        ...(scenario.options.sharedFolder ? { sharedFolder: dir } : {}),
      };
      writeFileSync(file, stringify(scenarioConfig(scenario, inputs)));
      const run = await execa(process.execPath, [cli, 'answerfile', '--config', file], {
        reject: false,
        env: { WINGUEST_PASSWORD: 'e2e-Password-1', NO_COLOR: '1' },
      });
      expect(run.stderr).toBe('');
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toContain(`<ComputerName>${scenario.expect.computerName}</ComputerName>`);
      expect(run.stdout).toContain(`<TimeZone>${scenario.expect.timeZone}</TimeZone>`);
      expect(run.stdout).toContain(`<UILanguage>${scenario.expect.locale}</UILanguage>`);
      expect(run.stdout).toContain(`<Name>${scenario.expect.user}</Name>`);
      expect(run.stdout).not.toContain('e2e-Password-1');
      // Windows 11's requirement bypass is in the answer file exactly when the scenario asks for it.
      if (scenario.family === 'windows11') {
        expect(run.stdout.includes('BypassTPMCheck')).toBe(scenario.options.bypassHardwareChecks !== false);
      }
    },
  );
});

describe('scenario validation reports every problem with its path', () => {
  const good = scenarioInputs[1] as ScenarioInput;
  test('schema problems, duplicates and checks the guest has no command for, all at once', () => {
    const inputs: ScenarioInput[] = [
      { ...good, name: 'Win 11', media: {} },
      good,
      good,
      { ...(scenarioInputs[0] as ScenarioInput), checks: ['shared-folder'], options: {} },
    ];
    expect(() => parseScenarios(inputs)).toThrow(
      /scenarios\[0\]\.name: must be kebab-case .*scenarios\[0\]\.media\.iso: a Windows scenario needs its install ISO.*scenarios\[2\]\.name: "win11-amd64" is declared twice.*scenarios\[3\]\.checks: "shared-folder" needs options\.sharedFolder/,
    );
  });

  test('virtio devices need the driver ISO, the MSI strategy its MSI', () => {
    const input: ScenarioInput = {
      ...good,
      media: { iso: { env: 'X' } },
      options: { devices: 'virtio', openssh: 'msi' },
    };
    expect(() => parseScenarios([input])).toThrow(
      /media\.opensshMsi: openssh "msi" needs the MSI; .*media\.drivers: devices "virtio" needs the virtio-win ISO/,
    );
  });

  test('--scenario picks in declared order; an unknown name lists the known ones', () => {
    expect(selectScenarios(all, ['server2025-amd64', 'standin-amd64']).map((s) => s.name)).toEqual([
      'standin-amd64',
      'server2025-amd64',
    ]);
    expect(() => selectScenarios(all, ['win12'])).toThrow(
      'Unknown scenario "win12"; known: standin-amd64, win11-amd64, win11-secureboot-amd64, win11-shares-amd64, server2025-amd64, standin-arm64, win11-arm64',
    );
  });
});
