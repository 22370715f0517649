import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { scenarioInputs } from '../scenario/scenarios.ts';
import { parseScenarios } from '../scenario/select-scenarios.ts';
import { concurrencyLimit } from './concurrency.ts';
import { parseDoctor } from './doctor.ts';
import { decideEligibility, resolveMedia } from './eligibility.ts';
import { runBounded } from './pool.ts';

const doctorTcg = parseDoctor(
  readFileSync(new URL('../__fixtures__/doctor-tcg.json', import.meta.url), 'utf8'),
);
const doctorKvm = { ...doctorTcg, accelerator: 'kvm', acceleratorDetail: 'kvm works (test guest ran)' };
const scenarios = parseScenarios(scenarioInputs);
const [standin, win11] = scenarios;
const standinArm64 = scenarios.find((s) => s.name === 'standin-arm64');
const win11Arm64 = scenarios.find((s) => s.name === 'win11-arm64');
const sharesScenario = scenarios.find((s) => s.name === 'win11-shares-amd64');

describe('concurrency from host CPUs and memory', () => {
  test.each([
    ['2 CPUs, plenty of memory, 2-CPU guests', { cpus: 2, freeMemoryMiB: 24_000 }, 2, 4096, 3, 1],
    ['16 CPUs, plenty of memory', { cpus: 16, freeMemoryMiB: 64_000 }, 2, 4096, 3, 3],
    ['16 CPUs, 10 GiB free: memory bounds it', { cpus: 16, freeMemoryMiB: 10_240 }, 2, 4096, 5, 2],
    ['too little memory for even one still runs one', { cpus: 4, freeMemoryMiB: 2048 }, 2, 4096, 2, 1],
    ['one-CPU stand-in guests on 4 CPUs', { cpus: 4, freeMemoryMiB: 24_000 }, 1, 1024, 8, 4],
  ])('%s', (_name, host, cpus, memoryMiB, count, expected) => {
    const guests = Array.from({ length: count }, () => ({ cpus, memoryMiB }));
    expect(concurrencyLimit(host, guests)).toBe(expected);
  });

  test('an explicit --concurrency wins, capped by the number of scenarios', () => {
    expect(
      concurrencyLimit(
        { cpus: 2, freeMemoryMiB: 4096 },
        [
          { cpus: 2, memoryMiB: 4096 },
          { cpus: 2, memoryMiB: 4096 },
        ],
        5,
      ),
    ).toBe(2);
  });

  test('the pool never runs more than the limit at once and keeps the order of results', async () => {
    let running = 0;
    let peak = 0;
    const results = await runBounded([5, 1, 4, 2, 3, 0], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      for (let i = 0; i < n; i++) await Promise.resolve();
      running--;
      return n * 10;
    });
    expect(peak).toBe(2);
    expect(results).toEqual([50, 10, 40, 20, 30, 0]);
  });
});

describe('doctor --json', () => {
  test('a /dev/kvm that does not work is tcg, with doctor’s reason; the QEMU version is read', () => {
    expect(doctorTcg).toMatchObject({ ready: true, accelerator: 'tcg', qemuVersion: '7.2.22', failures: [] });
    expect(doctorTcg.acceleratorDetail).toContain('kvm is not usable');
  });

  test('a proven accelerator is named', () => {
    const json = {
      ready: true,
      accelerator: { accelerator: 'hvf', proven: true, smm: false },
      qemu: { amd64: null, arm64: { path: '/opt/homebrew/bin/qemu-system-aarch64', version: '9.2.0' } },
      checks: [{ name: 'accelerator', level: 'ok', detail: 'prose is not read' }],
    };
    expect(parseDoctor(JSON.stringify(json)).accelerator).toBe('hvf');
  });

  test('output that is not doctor JSON is a protocol error', () => {
    expect(() => parseDoctor('Usage: winguest …')).toThrow(/printed no JSON/);
  });
});

describe('eligibility', () => {
  if (!standin || !win11 || !standinArm64 || !win11Arm64 || !sharesScenario)
    throw new Error('scenarios missing');
  const here = { path: '/isos/win11.iso' };
  const arm64Media = { iso: here, drivers: { path: '/isos/virtio-win.iso' }, opensshMsi: { path: '/m.msi' } };
  test.each([
    ['stand-in under TCG runs', standin, doctorTcg, 'amd64', {}, true, undefined],
    ['arm64 stand-in on an amd64 host runs under TCG', standinArm64, doctorTcg, 'amd64', {}, true, undefined],
    ['Windows arm64 on an arm64 KVM host runs', win11Arm64, doctorKvm, 'arm64', arm64Media, true, undefined],
    [
      'Windows arm64 on an amd64 host is not run',
      win11Arm64,
      doctorKvm,
      'amd64',
      arm64Media,
      false,
      /arm64 guest on a amd64 host has no accelerator/,
    ],
    [
      'Windows with media and KVM runs',
      win11,
      doctorKvm,
      'amd64',
      { iso: here, opensshMsi: { path: '/m.msi' } },
      true,
      undefined,
    ],
    [
      'a Windows shared folder on a host without virtio-fs is not run, naming why',
      sharesScenario,
      { ...doctorKvm, shares: { virtioFs: false, detail: 'SMB: no virtio-fs (virtiofsd not found)' } },
      'amd64',
      {
        iso: here,
        opensshMsi: { path: '/m.msi' },
        drivers: { path: '/v.iso' },
        winfspMsi: { path: '/w.msi' },
      },
      false,
      /shared folder needs virtio-fs, which this host lacks \(SMB: no virtio-fs \(virtiofsd not found\)\)/,
    ],
    [
      'a Windows shared folder runs where doctor says virtio-fs',
      sharesScenario,
      doctorKvm,
      'amd64',
      {
        iso: here,
        opensshMsi: { path: '/m.msi' },
        drivers: { path: '/v.iso' },
        winfspMsi: { path: '/w.msi' },
      },
      true,
      undefined,
    ],
    [
      'Windows under TCG is not run',
      win11,
      doctorTcg,
      'amd64',
      { iso: here, opensshMsi: { path: '/m.msi' } },
      false,
      /no working accelerator: kvm is not usable/,
    ],
    [
      'Windows without its ISO is not run',
      win11,
      doctorKvm,
      'amd64',
      { iso: { missing: 'iso: set $WINGUEST_E2E_WIN11_ISO to its path' }, opensshMsi: { path: '/m.msi' } },
      false,
      /WINGUEST_E2E_WIN11_ISO/,
    ],
    [
      'Windows amd64 on an arm64 host is not run',
      win11,
      doctorKvm,
      'arm64',
      { iso: here, opensshMsi: { path: '/m.msi' } },
      false,
      /amd64 guest on a arm64 host/,
    ],
    [
      'nothing runs on a host doctor rejects',
      standin,
      { ...doctorTcg, ready: false, failures: ['qemu-img: not found'] },
      'amd64',
      {},
      false,
      /qemu-img: not found/,
    ],
  ])('%s', (_name, scenario, doctor, hostArch, media, run, reason) => {
    const decided = decideEligibility({ scenario, doctor, hostArch, media });
    expect(decided.run).toBe(run);
    if (!decided.run) expect(decided.reason).toMatch(reason as RegExp);
  });

  test('every missing thing is named at once', () => {
    if (!win11) return;
    const decided = decideEligibility({
      scenario: win11,
      doctor: doctorTcg,
      hostArch: 'amd64',
      media: { iso: { missing: 'iso: x' }, opensshMsi: { missing: 'opensshMsi: y' } },
    });
    expect(decided).toEqual({
      run: false,
      reason: expect.stringMatching(/^iso: x; opensshMsi: y; no working accelerator/),
    });
  });

  test.each([
    ['--iso wins', { env: 'ISO' }, { ISO: '/env.iso' }, '/cli.iso', { path: '/cli.iso' }],
    [
      'then the variable',
      { env: 'ISO', path: '/declared.iso' },
      { ISO: '/env.iso' },
      undefined,
      { path: '/env.iso' },
    ],
    [
      'then the declared path',
      { env: 'ISO', path: '/declared.iso' },
      {},
      undefined,
      { path: '/declared.iso' },
    ],
    ['unset variable', { env: 'ISO' }, { ISO: '' }, undefined, { missing: 'iso: set $ISO to its path' }],
    [
      'a path that does not exist',
      { env: 'ISO' },
      { ISO: '/gone.iso' },
      undefined,
      { missing: 'iso: /gone.iso (from $ISO) does not exist' },
    ],
  ])('media: %s', (_name, source, env, override, expected) => {
    expect(resolveMedia('iso', source, env, (p) => p !== '/gone.iso', override)).toEqual(expected);
  });
});
