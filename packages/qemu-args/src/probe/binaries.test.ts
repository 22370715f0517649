import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, describe, expect, test } from 'vitest';
import { type CommandRunner, parseQemuVersion, probeQemu, probeSwtpm } from './index';

const tools = requireHostTools([
  { command: 'qemu-system-x86_64', debian: 'qemu-system-x86' },
  { command: 'qemu-system-aarch64', debian: 'qemu-system-arm' },
  { command: 'swtpm', debian: 'swtpm' },
]);

describe('parseQemuVersion', () => {
  test.each([
    [
      'QEMU emulator version 7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)\nCopyright',
      { major: 7, minor: 2, micro: 22 },
    ],
    ['QEMU emulator version 9.2.0\n', { major: 9, minor: 2, micro: 0 }],
    ['QEMU emulator version 10.1.50 (v10.1.0-1234-gabc)', { major: 10, minor: 1, micro: 50 }],
    ['QEMU emulator version 8.0', { major: 8, minor: 0, micro: 0 }],
    ['something else', undefined],
  ])('%j', (text, version) => {
    expect(parseQemuVersion(text)).toEqual(version);
  });
});

describe.skipIf(!tools.available)('on this host', () => {
  test.each([
    ['amd64', 'qemu-system-x86_64'],
    ['arm64', 'qemu-system-aarch64'],
  ] as const)('finds %s QEMU and reads its version', async (arch, name) => {
    const result = await probeQemu(arch);
    expect(result).toMatchObject({
      available: true,
      path: tools.paths[name],
      versionText: expect.stringMatching(/^QEMU emulator version/),
    });
    expect(result.available && result.version.major).toBeGreaterThanOrEqual(7);
  });

  test('finds swtpm with TPM 2.0', async () => {
    expect(await probeSwtpm()).toMatchObject({
      available: true,
      path: tools.paths.swtpm,
      version: expect.stringMatching(/^\d+\.\d+/),
    });
  });
});

const fakeDirs: string[] = [];
afterAll(() => {
  for (const dir of fakeDirs) rmSync(dir, { recursive: true, force: true });
});

/** A PATH directory holding an executable `name` (never run: the tests inject the runner). */
function fakeBinDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'winguest-bin-'));
  fakeDirs.push(dir);
  writeFileSync(join(dir, name), '#!/bin/sh\nexit 1\n');
  chmodSync(join(dir, name), 0o755);
  return dir;
}

describe('failures are data', () => {
  test('QEMU missing from PATH and the usual directories', async () => {
    const result = await probeQemu('arm64', { env: { PATH: '/nonexistent' }, platform: 'win32' });
    expect(result).toEqual({
      available: false,
      reason: 'qemu-system-aarch64 not found on PATH or in the usual install directories',
    });
  });

  test('a binary that does not answer --version like QEMU', async () => {
    const runner: CommandRunner = async () => ({ exitCode: 0, stdout: 'hello', stderr: '', timedOut: false });
    const result = await probeQemu('amd64', {
      env: { PATH: fakeBinDir('qemu-system-x86_64') },
      runner,
      platform: 'linux',
    });
    expect(result).toEqual({
      available: false,
      reason: expect.stringMatching(/qemu-system-x86_64 --version did not print a QEMU version: hello$/),
    });
  });

  test('swtpm without TPM 2.0', async () => {
    const runner: CommandRunner = async (_f, args) => ({
      exitCode: 0,
      stdout: args[0] === '--version' ? 'TPM emulator version 0.5.0' : '{ "features": [ "tpm-1.2" ] }',
      stderr: '',
      timedOut: false,
    });
    const result = await probeSwtpm({ runner, env: { PATH: fakeBinDir('swtpm') }, platform: 'linux' });
    expect(result).toMatchObject({
      available: false,
      reason: expect.stringMatching(/0\.5\.0 does not offer TPM 2\.0/),
    });
  });
});
