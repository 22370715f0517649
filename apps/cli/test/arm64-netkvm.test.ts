import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildFakeInstallIso,
  buildFakeVirtioWinIso,
  edition,
  installIsoTools,
  virtioWinIsoTools,
} from '@winguest/test-media';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from './run-cli';

const tools = requireHostTools([
  { command: 'isoinfo', debian: 'genisoimage' },
  ...installIsoTools,
  ...virtioWinIsoTools,
]);

// Windows ARM64 has no in-box NIC driver (docs/arm64.md): `build` stages NetKVM for ARM64 from the
// virtio-win ISO into $WinPEDriver$ on the cidata ISO, where Setup loads it without a drive letter.
describe.skipIf(!tools.available)('winguest build for arm64 with a virtio-win ISO', () => {
  let root: string;
  let armIso: string;
  let virtioWin: { iso: string; root: string };
  let noArm64: { iso: string; root: string };
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'winguest-cli-netkvm-'));
    armIso = buildFakeInstallIso({
      dir: root,
      name: 'arm.iso',
      label: 'CCCOMA_A64FRE_EN-US_DV9',
      editions: [edition('Windows 11 Pro', 'Professional', 12, ['en-US'])],
    });
    virtioWin = buildFakeVirtioWinIso({ dir: root });
    noArm64 = buildFakeVirtioWinIso({ dir: root, name: 'x64-only.iso', builds: (b) => !b.endsWith('ARM64') });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const build = (name: string, drivers: string) => {
    const dir = join(root, name);
    mkdirSync(dir);
    writeFileSync(join(dir, 'winguest.yaml'), `media:\n  drivers: ${JSON.stringify(drivers)}\n`);
    return runCli(['build', '--iso', armIso], { cwd: dir, env: { HOME: root, WINGUEST_PASSWORD: '' } });
  };

  test('NetKVM/w11/ARM64 lands in $WinPEDriver$/NetKVM on the cidata ISO, byte for byte, alone', async () => {
    const result = await build('ok', virtioWin.iso);
    expect(result.exitCode, result.stderr).toBe(0);
    const cidata = join(root, 'ok', 'winguest-build', 'cidata.iso');
    const listing = execFileSync('isoinfo', ['-J', '-f', '-i', cidata], { encoding: 'utf8' });
    const staged = listing.split('\n').filter((line) => line.startsWith('/$WinPEDriver$/'));
    const netkvm = ['netkvm.cat', 'netkvm.inf', 'netkvm.sys', 'netkvmco.dll'].map(
      (f) => `/$WinPEDriver$/NetKVM/${f}`,
    );
    expect(staged.sort()).toEqual(['/$WinPEDriver$/NetKVM', ...netkvm]);
    const inf = execFileSync('isoinfo', ['-J', '-i', cidata, '-x', '/$WinPEDriver$/NetKVM/netkvm.inf']);
    expect(inf.toString()).toBe(readFileSync(join(virtioWin.root, 'NetKVM/w11/ARM64/netkvm.inf'), 'utf8'));
  });

  test('a virtio-win ISO without ARM64 builds is refused, naming the missing folder and the fix', async () => {
    const result = await build('bad', noArm64.iso);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('NetKVM/w11/ARM64');
    expect(result.stderr).toContain('NetKVM for ARM64');
  });
});
