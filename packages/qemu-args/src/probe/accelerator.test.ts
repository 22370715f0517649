import { existsSync } from 'node:fs';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { describe, expect, test } from 'vitest';
import {
  type CommandResult,
  type CommandRunner,
  probeAccelerator,
  probeHvf,
  probeKvm,
  probeWhpx,
  runCommand,
} from './index';

const tools = requireHostTools([
  { command: 'qemu-system-x86_64', debian: 'qemu-system-x86' },
  { command: 'qemu-system-aarch64', debian: 'qemu-system-arm' },
]);
const qemuFor = { amd64: 'qemu-system-x86_64', arm64: 'qemu-system-aarch64' } as const;

const ok = (exitCode: number): CommandResult => ({ exitCode, stdout: '', stderr: '', timedOut: false });

/** A runner that answers by accelerator (and SMM), recording every call. */
function fakeRunner(answers: Record<string, CommandResult>): CommandRunner & { calls: string[][] } {
  const calls: string[][] = [];
  const runner = async (_file: string, args: readonly string[]) => {
    calls.push([...args]);
    const accel = args[args.indexOf('-accel') + 1] as string;
    const smm = args.some((a) => a.includes('smm=on'));
    return answers[smm ? `${accel}+smm` : accel] ?? ok(1);
  };
  return Object.assign(runner, { calls });
}

describe.skipIf(!tools.available)('with real QEMU', () => {
  test.each(['amd64', 'arm64'] as const)('the %s test guest runs to completion under TCG', async (arch) => {
    // The very guest the KVM/HVF/WHPX probes start, run under TCG: proves a failure is the accelerator's.
    const underTcg: CommandRunner = (file, args, options) =>
      runCommand(
        file,
        args.map((a, i) => (args[i - 1] === '-accel' ? 'tcg' : a === 'host' ? 'max' : a)),
        options,
      );
    const result = await probeHvf({ arch, qemuPath: qemuFor[arch], runner: underTcg, timeoutMs: 20_000 });
    expect(result).toEqual({ available: true, smm: arch === 'amd64' });
  });

  test('probeKvm on a host whose KVM fails its test guest answers at once, not after the timeout', async () => {
    const started = performance.now();
    const result = await probeKvm({ arch: 'amd64', qemuPath: qemuFor.amd64, timeoutMs: 20_000 });
    const elapsed = performance.now() - started;
    // A working KVM finishes quickly too; a broken one used to wait out the whole timeout.
    expect(elapsed, result.available ? 'kvm works' : result.reason).toBeLessThan(10_000);
  });

  test('probeKvm returns data, never throws, with the reason when KVM does not work', async () => {
    const result = await probeKvm({ arch: 'amd64', qemuPath: qemuFor.amd64, timeoutMs: 3000 });
    if (result.available) expect(typeof result.smm).toBe('boolean');
    else
      expect(result.reason).toMatch(
        existsSync('/dev/kvm') ? /-accel kvm|\/dev\/kvm/ : /\/dev\/kvm is not usable/,
      );
  });

  test('probeAccelerator falls back to TCG for an arm64 guest on an x64 host, saying why', async () => {
    const choice = await probeAccelerator({
      arch: 'arm64',
      qemuPath: qemuFor.arm64,
      hostArch: 'x64',
      platform: 'linux',
    });
    expect(choice).toEqual({
      accelerator: 'tcg',
      smm: false,
      reason: 'the host CPU is x64; arm64 guests can only be emulated',
      foreignArch: true,
    });
  });
});

describe('with an injected runner', () => {
  test('HVF on macOS: a completed guest means HVF works; SMM is probed separately', async () => {
    const runner = fakeRunner({ hvf: ok(33), 'hvf+smm': ok(1) });
    const choice = await probeAccelerator({
      arch: 'amd64',
      qemuPath: 'qemu',
      platform: 'darwin',
      hostArch: 'x64',
      runner,
    });
    expect(choice).toEqual({ accelerator: 'hvf', smm: false });
    expect(runner.calls[0]).toEqual(
      expect.arrayContaining(['-accel', 'hvf', '-cpu', 'host', 'isa-debug-exit,iobase=0xf4,iosize=1']),
    );
  });

  test('HVF on Apple silicon: the arm64 guest exits 0 through PSCI', async () => {
    const runner = fakeRunner({ hvf: ok(0) });
    const choice = await probeAccelerator({
      arch: 'arm64',
      qemuPath: 'qemu',
      platform: 'darwin',
      hostArch: 'arm64',
      runner,
    });
    expect(choice).toEqual({ accelerator: 'hvf', smm: false });
    expect(runner.calls).toHaveLength(1);
  });

  test('WHPX on Windows: a failing guest falls back to TCG with QEMU’s message', async () => {
    const runner = fakeRunner({
      whpx: {
        exitCode: 1,
        stdout: '',
        stderr: 'WHPX: No accelerator found, hr=00000000\nfailed to initialize whpx',
        timedOut: false,
      },
    });
    const choice = await probeAccelerator({
      arch: 'amd64',
      qemuPath: 'qemu.exe',
      platform: 'win32',
      hostArch: 'x64',
      runner,
    });
    expect(choice).toEqual({
      accelerator: 'tcg',
      smm: true,
      reason:
        'whpx is not usable: a test guest under -accel whpx exited with code 1: WHPX: No accelerator found, hr=00000000 | failed to initialize whpx',
    });
  });

  test('WHPX is x86-only', async () => {
    expect(await probeWhpx({ arch: 'arm64', qemuPath: 'q', runner: fakeRunner({}) })).toEqual({
      available: false,
      reason: 'QEMU supports WHPX for x86 guests only',
    });
  });

  test('KVM that pauses with an internal error is reported with the timeout and the error', async () => {
    const runner = fakeRunner({
      kvm: {
        exitCode: null,
        stdout: '',
        stderr: 'KVM internal error. Suberror: 1\nemulation failure',
        timedOut: true,
      },
    });
    const result = await probeKvm({
      arch: 'amd64',
      qemuPath: 'q',
      runner,
      kvmDevice: '/dev/null',
      timeoutMs: 123,
    });
    expect(result).toEqual({
      available: false,
      reason:
        'a test guest under -accel kvm did not finish within 123 ms: KVM internal error. Suberror: 1 | emulation failure',
    });
  });

  test('a missing /dev/kvm is reported without starting QEMU', async () => {
    const runner = fakeRunner({});
    const result = await probeKvm({ arch: 'amd64', qemuPath: 'q', runner, kvmDevice: '/nonexistent/kvm' });
    expect(result).toMatchObject({
      available: false,
      reason: expect.stringMatching(/^\/nonexistent\/kvm is not usable: .*ENOENT/),
    });
    expect(runner.calls).toEqual([]);
  });

  test('a platform without a known accelerator uses TCG', async () => {
    const choice = await probeAccelerator({
      arch: 'amd64',
      qemuPath: 'q',
      platform: 'freebsd',
      hostArch: 'x64',
      runner: fakeRunner({}),
    });
    expect(choice).toEqual({
      accelerator: 'tcg',
      smm: true,
      reason: 'no hardware accelerator is known for freebsd',
    });
  });
});
