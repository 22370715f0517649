import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFakeInstallIso, edition, installIsoTools } from '@winguest/test-media';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from './run-cli';

const tools = requireHostTools([
  { command: 'genisoimage', debian: 'genisoimage' },
  { command: 'isoinfo', debian: 'genisoimage' },
  ...installIsoTools,
]);

// Windows ARM64 has no in-box NIC driver (docs/arm64.md): `build` copies NetKVM for ARM64 from
// the virtio-win ISO into $WinPEDriver$ on the cidata ISO, where Setup loads it without a drive letter.
describe.skipIf(!tools.available)('winguest build --arch arm64 with a virtio-win ISO', () => {
  let root: string;
  let armIso: string;
  const inf = '[Version]\r\nSignature="$WINDOWS NT$"\r\nClass=Net\r\n';
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'winguest-cli-netkvm-'));
    armIso = buildFakeInstallIso({
      dir: root,
      name: 'arm.iso',
      label: 'CCCOMA_A64FRE_EN-US_DV9',
      editions: [edition('Windows 11 Pro', 'Professional', 12, ['en-US'])],
    });
    // A virtio-win look-alike: NetKVM for ARM64 and, as a decoy, for amd64.
    const tree = join(root, 'virtio-win');
    for (const arch of ['ARM64', 'amd64']) {
      mkdirSync(join(tree, 'NetKVM', 'w11', arch), { recursive: true });
      writeFileSync(join(tree, 'NetKVM', 'w11', arch, 'netkvm.inf'), `${inf}; ${arch}\r\n`);
      writeFileSync(join(tree, 'NetKVM', 'w11', arch, 'netkvm.sys'), `driver for ${arch}`);
    }
    execFileSync('genisoimage', [
      '-quiet',
      '-J',
      '-R',
      '-V',
      'virtio-win',
      '-o',
      join(root, 'virtio-win.iso'),
      tree,
    ]);
    mkdirSync(join(tree, 'empty'));
    execFileSync('genisoimage', [
      '-quiet',
      '-J',
      '-V',
      'other',
      '-o',
      join(root, 'other.iso'),
      join(tree, 'empty'),
    ]);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const build = (name: string, drivers: string) => {
    const dir = join(root, name);
    mkdirSync(dir);
    writeFileSync(join(dir, 'winguest.yaml'), `media:\n  drivers: ${JSON.stringify(drivers)}\n`);
    return runCli(['build', '--iso', armIso], { cwd: dir, env: { HOME: root, WINGUEST_PASSWORD: '' } });
  };

  test('the ARM64 NetKVM files land in $WinPEDriver$/NetKVM on the cidata ISO, byte for byte', async () => {
    const result = await build('ok', join(root, 'virtio-win.iso'));
    expect(result.exitCode, result.stderr).toBe(0);
    const cidata = join(root, 'ok', 'winguest-build', 'cidata.iso');
    const listing = execFileSync('isoinfo', ['-J', '-f', '-i', cidata], { encoding: 'utf8' });
    expect(listing).toContain('/$WinPEDriver$/NetKVM/netkvm.inf');
    expect(listing).toContain('/$WinPEDriver$/NetKVM/netkvm.sys');
    const read = (path: string) =>
      execFileSync('isoinfo', ['-J', '-i', cidata, '-x', path], { encoding: 'utf8' });
    expect(read('/$WinPEDriver$/NetKVM/netkvm.inf')).toBe(`${inf}; ARM64\r\n`);
    expect(read('/$WinPEDriver$/NetKVM/netkvm.sys')).toBe('driver for ARM64');
  });

  test('a driver ISO without NetKVM for ARM64 is refused, naming the folder and the fix', async () => {
    const result = await build('bad', join(root, 'other.iso'));
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('has no NetKVM/w11/ARM64 folder');
    expect(result.stderr).toContain('virtio-win.iso');
  });
});
