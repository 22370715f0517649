import { execa } from 'execa';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseHarnessArgs } from './args.ts';
import { acceleratorOf, parseProcCmdline, shellCommandLine } from './runner/qemu-command.ts';

describe('pnpm e2e arguments', () => {
  test('pnpm e2e --scenario win11-amd64 --iso … runs one with its ISO', () => {
    expect(parseHarnessArgs(['--scenario', 'win11-amd64', '--iso', '/isos/w.iso'])).toMatchObject({
      command: 'run',
      scenarios: ['win11-amd64'],
      iso: '/isos/w.iso',
      out: 'e2e-results',
      requireRun: false,
    });
  });
  test('comma-separated and repeated scenarios', () => {
    expect(parseHarnessArgs(['--scenario', 'a,b', '--scenario', 'c'])).toMatchObject({
      scenarios: ['a', 'b', 'c'],
    });
  });
  test.each([
    [['--iso', 'x.iso'], /--iso needs exactly one --scenario/],
    [['--concurrency', '0'], /--concurrency must be a whole number ≥ 1, got "0"/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
  ])('%j is refused', (argv, message) => {
    expect(() => parseHarnessArgs(argv)).toThrow(message);
  });
});

describe('the QEMU command artifact', () => {
  test.each([
    [['qemu-system-x86_64', '-accel', 'kvm', '-m', '4096'], 'kvm'],
    [['qemu-system-aarch64', '-machine', 'virt,accel=hvf,highmem=on'], 'hvf'],
    [['qemu-system-x86_64', '-accel', 'tcg,thread=multi'], 'tcg'],
    [['qemu-system-x86_64', '-enable-kvm'], 'kvm'],
    [['qemu-system-x86_64'], 'tcg'],
  ])('%j uses %s', (argv, accel) => expect(acceleratorOf(argv)).toBe(accel));

  test('/proc/<pid>/cmdline reads back to argv, empty arguments included', () => {
    expect(parseProcCmdline('qemu\0-name\0\0-S\0')).toEqual(['qemu', '-name', '', '-S']);
  });

  test('the command line sh reads gives back the argv', async () => {
    const samples = fc.sample(
      fc.array(
        fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\0')),
        { maxLength: 6 },
      ),
      10,
    );
    for (const argv of samples) {
      const run = await execa('sh', ['-c', `printf '%s\\0' ${shellCommandLine(argv)}`]);
      expect(argv.length === 0 ? [] : run.stdout.split('\0').slice(0, -1)).toEqual(argv);
    }
  });
});
