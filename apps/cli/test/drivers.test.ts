import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  { command: 'sha256sum', debian: 'coreutils' },
  ...installIsoTools,
  ...virtioWinIsoTools,
]);

const virtioYaml = (drivers: string) =>
  `family: server2025\nvm:\n  disk:\n    bus: virtio-blk\n  network:\n    model: virtio-net\nmedia:\n  drivers: ${JSON.stringify(drivers)}\n`;

// Drivers from media.drivers reach Setup through $WinPEDriver$ on the cidata ISO (no drive letter,
// no driver CD); the guest agent MSI goes beside the provisioning script (docs/devices-and-drivers.md).
describe.skipIf(!tools.available)('winguest build with driver media', () => {
  let root: string;
  let serverIso: string;
  let armIso: string;
  let virtioWin: { iso: string; root: string };
  let old: { iso: string; root: string };
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'winguest-cli-drivers-'));
    serverIso = buildFakeInstallIso({
      dir: root,
      name: 'server.iso',
      label: 'SSS_X64FRE_EN-US_DV9',
      editions: [
        edition('Windows Server 2025 Standard (Desktop Experience)', 'ServerStandard', 9, ['en-US']),
      ],
    });
    armIso = buildFakeInstallIso({
      dir: root,
      name: 'arm.iso',
      label: 'CCCOMA_A64FRE_EN-US_DV9',
      editions: [edition('Windows 11 Pro', 'Professional', 12, ['en-US'])],
    });
    virtioWin = buildFakeVirtioWinIso({ dir: root });
    old = buildFakeVirtioWinIso({ dir: root, name: 'old.iso', builds: (b) => !/^(w11|2k25)\//.test(b) });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const build = (name: string, yaml: string, iso: string) => {
    const dir = join(root, name);
    mkdirSync(dir);
    writeFileSync(join(dir, 'winguest.yaml'), yaml);
    return runCli(['build', '--iso', iso], { cwd: dir, env: { HOME: root, WINGUEST_PASSWORD: '' } });
  };
  const listing = (cidata: string) =>
    execFileSync('isoinfo', ['-J', '-f', '-i', cidata], { encoding: 'utf8' }).split('\n');

  test('Server 2025, virtio-blk + virtio-net: viostor and NetKVM in $WinPEDriver$, the agent MSI checksummed', async () => {
    const result = await build('virtio', virtioYaml(virtioWin.iso), serverIso);
    expect(result.exitCode, result.stderr).toBe(0);
    const out = join(root, 'virtio', 'winguest-build');
    const files = listing(join(out, 'cidata.iso'));
    expect(files).toEqual(
      expect.arrayContaining([
        '/$WinPEDriver$/viostor/viostor.inf',
        '/$WinPEDriver$/NetKVM/netkvm.inf',
        '/$WinPEDriver$/vioserial/vioser.inf',
        '/winguest/qemu-ga.msi',
      ]),
    );
    expect(files.some((f) => f.startsWith('/$WinPEDriver$/vioscsi'))).toBe(false); // not asked for
    const inf = execFileSync('isoinfo', [
      '-J',
      '-i',
      join(out, 'cidata.iso'),
      '-x',
      '/$WinPEDriver$/viostor/viostor.inf',
    ]);
    expect(inf.toString()).toBe(readFileSync(join(virtioWin.root, 'viostor/2k25/amd64/viostor.inf'), 'utf8'));
    const agent = join(virtioWin.root, 'guest-agent/qemu-ga-x86_64.msi');
    const sha = execFileSync('sha256sum', [agent], { encoding: 'utf8' }).split(' ')[0]?.toUpperCase() ?? '';
    expect(readFileSync(join(out, 'first-logon.ps1'), 'utf8')).toContain(sha);
    const qemu = readFileSync(join(out, 'qemu.sh'), 'utf8');
    expect(qemu).toContain('virtio-blk-pci');
    expect(qemu).toContain('virtio-net-pci');
    expect(qemu).toContain('name=org.qemu.guest_agent.0');
    expect(qemu).not.toContain('virtio-win.iso'); // the drivers travel on the cidata ISO
  });

  test('the extracted folder of the ISO works like the ISO', async () => {
    const result = await build('folder', virtioYaml(virtioWin.root), serverIso);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(listing(join(root, 'folder', 'winguest-build', 'cidata.iso'))).toContain(
      '/$WinPEDriver$/viostor/viostor.inf',
    );
  });

  test('driver media without the 2k25 folders: one clear error naming each folder, nothing written', async () => {
    const result = await build('missing', virtioYaml(old.iso), serverIso);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('viostor/2k25/amd64 (for the virtio-blk disk)');
    expect(result.stderr).toContain('NetKVM/2k25/amd64 (for the virtio-net NIC)');
    expect(result.stderr).toContain('choose in-box devices');
    expect(existsSync(join(root, 'missing', 'winguest-build'))).toBe(false);
  });

  test('virtio without media.drivers: the error names the missing folder and the fix, nothing written', async () => {
    const result = await build('none', 'family: server2025\nvm:\n  disk:\n    bus: virtio-scsi\n', serverIso);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      'vm.disk.bus: "virtio-scsi" needs the virtio-scsi disk driver vioscsi/2k25/amd64',
    );
    expect(result.stderr).toContain('set media.drivers');
    expect(existsSync(join(root, 'none', 'winguest-build'))).toBe(false);
  });

  // Windows ARM64 has no in-box NIC driver (docs/arm64.md): NetKVM for ARM64 goes the same way.
  test('arm64: NetKVM/w11/ARM64 lands in $WinPEDriver$/NetKVM, byte for byte; no agent MSI', async () => {
    const result = await build('arm', `media:\n  drivers: ${JSON.stringify(virtioWin.iso)}\n`, armIso);
    expect(result.exitCode, result.stderr).toBe(0);
    const cidata = join(root, 'arm', 'winguest-build', 'cidata.iso');
    const files = listing(cidata);
    expect(files).toContain('/$WinPEDriver$/NetKVM/netkvm.inf');
    expect(files).not.toContain('/winguest/qemu-ga.msi'); // virtio-win has no ARM64 agent MSI
    const inf = execFileSync('isoinfo', ['-J', '-i', cidata, '-x', '/$WinPEDriver$/NetKVM/netkvm.inf']);
    expect(inf.toString()).toBe(readFileSync(join(virtioWin.root, 'NetKVM/w11/ARM64/netkvm.inf'), 'utf8'));
  });
});
