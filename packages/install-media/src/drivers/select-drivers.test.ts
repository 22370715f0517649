import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFakeVirtioWinIso, virtioWinIsoTools, writeTree } from '@winguest/test-media';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tempDir } from '../__fixtures__/tools';
import {
  DriverNotFoundError,
  type DriverSelection,
  openDriverMedia,
  requiredDrivers,
  selectDrivers,
} from '../index';

const tools = requireHostTools([...virtioWinIsoTools, { command: 'sha256sum', debian: 'coreutils' }]);

async function select(path: string, request: Parameters<typeof selectDrivers>[1]): Promise<DriverSelection> {
  const media = await openDriverMedia(path);
  try {
    return await selectDrivers(media.fileSystem, request);
  } finally {
    await media.close();
  }
}

async function collect(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of stream) parts.push(chunk);
  return Buffer.concat(parts);
}

test('requiredDrivers: virtio devices need their driver, in-box ones none', () => {
  expect(requiredDrivers({ diskBus: 'virtio-blk', networkModel: 'virtio-net', guestAgent: true })).toEqual([
    'viostor',
    'NetKVM',
    'vioserial',
  ]);
  expect(requiredDrivers({ diskBus: 'virtio-scsi' })).toEqual(['vioscsi']);
  expect(requiredDrivers({ diskBus: 'sata', networkModel: 'e1000e' })).toEqual([]);
  expect(requiredDrivers({ diskBus: 'nvme' })).toEqual([]);
});

describe.skipIf(!tools.available)('driver selection from virtio-win media', () => {
  const dir = tempDir('virtio-win');
  let iso: string;
  let root: string;
  let old: string;
  beforeAll(() => {
    ({ iso, root } = buildFakeVirtioWinIso({ dir: dir.path }));
    // An older virtio-win: no Windows 11 / Server 2025 builds yet.
    old = buildFakeVirtioWinIso({
      dir: dir.path,
      name: 'old.iso',
      builds: (b) => !/^(w11|2k25)\//.test(b),
    }).iso;
  });
  afterAll(dir.cleanup);

  test('Server 2025 amd64: viostor, NetKVM, vioserial from the 2k25 folders, and the post-install drivers', async () => {
    const plan = await select(iso, {
      family: 'server2025',
      arch: 'amd64',
      required: requiredDrivers({ diskBus: 'virtio-blk', networkModel: 'virtio-net', guestAgent: true }),
    });
    expect(plan.layout).toBe('virtio-win');
    expect(plan.drivers.map((d) => [d.name, d.from, d.stage])).toEqual([
      ['viostor', 'viostor/2k25/amd64', 'setup'],
      ['NetKVM', 'NetKVM/2k25/amd64', 'setup'],
      ['vioserial', 'vioserial/2k25/amd64', 'post-install'],
      ['Balloon', 'Balloon/2k25/amd64', 'post-install'],
      ['viorng', 'viorng/2k25/amd64', 'post-install'],
      ['vioinput', 'vioinput/2k25/amd64', 'post-install'],
      ['viofs', 'viofs/2k25/amd64', 'post-install'],
      ['pvpanic', 'pvpanic/2k25/amd64', 'post-install'],
      ['qemufwcfg', 'qemufwcfg/2k25/amd64', 'post-install'],
    ]);
    const targets = plan.files.map((f) => f.target);
    expect(targets).toEqual(
      expect.arrayContaining(['viostor/viostor.inf', 'viostor/viostor.sys', 'NetKVM/netkvm.inf']),
    );
    expect(targets.some((t) => t.endsWith('.pdb'))).toBe(false); // debug symbols stay behind
    expect(targets).not.toContain('vioscsi/vioscsi.inf'); // not asked for
    expect(plan.skipped).toEqual([]);
    expect(plan.guestTools).toBeUndefined(); // not asked for: not read
  });

  test('the staged bytes and the agent MSI checksum are those of the files on the media', async () => {
    const media = await openDriverMedia(iso);
    expect(media.fileSystem.kind).toBe('iso9660'); // ISO 9660:1999 names, like virtio-win's (no Joliet)
    try {
      const plan = await selectDrivers(media.fileSystem, {
        family: 'windows11',
        arch: 'amd64',
        guestAgent: true,
        guestTools: true,
      });
      expect(plan.files.some((f) => f.target.startsWith('viostor/'))).toBe(false); // not required
      const balloon = plan.files.find((f) => f.target === 'Balloon/balloon.inf');
      const onDisk = readFileSync(join(root, 'Balloon/w11/amd64/balloon.inf'));
      expect(balloon?.size).toBe(onDisk.length);
      if (!balloon) throw new Error('Balloon/balloon.inf was not staged');
      expect((await collect(balloon.open())).equals(onDisk)).toBe(true);
      const agent = join(root, 'guest-agent/qemu-ga-x86_64.msi');
      const sha = execFileSync('sha256sum', [agent], { encoding: 'utf8' }).split(' ')[0]?.toUpperCase();
      expect(plan.guestAgent).toMatchObject({ mediaPath: 'guest-agent/qemu-ga-x86_64.msi', sha256: sha });
      expect(plan.guestTools?.mediaPath).toBe('virtio-win-gt-x64.msi');
    } finally {
      await media.close();
    }
  });

  test('an extracted folder gives the same selection as the ISO', async () => {
    const request = { family: 'windows10', arch: 'amd64', required: ['vioscsi', 'NetKVM'] } as const;
    const summary = (p: DriverSelection) => p.files.map((f) => [f.target, f.mediaPath.toLowerCase(), f.size]);
    expect(summary(await select(root, request))).toEqual(summary(await select(iso, request)));
  });

  test('Windows 11 arm64: ARM64 folders; drivers without an ARM64 build are skipped, not an error', async () => {
    const plan = await select(iso, { family: 'windows11', arch: 'arm64', required: ['NetKVM'] });
    expect(plan.drivers.map((d) => d.from)).toContain('NetKVM/w11/ARM64');
    expect(plan.skipped).toEqual(['qemufwcfg/w11/ARM64']);
    const server = await select(iso, { family: 'server2025', arch: 'arm64', required: ['viostor'] });
    expect(server.skipped).toEqual(['viofs/2k25/ARM64', 'qemufwcfg/2k25/ARM64']);
  });

  test('a missing driver is one error naming every missing folder and the fix', async () => {
    const error = await select(old, {
      family: 'server2025',
      arch: 'amd64',
      required: ['viostor', 'NetKVM'],
    }).catch((e: unknown) => e);
    expect(DriverNotFoundError.isInstance(error)).toBe(true);
    const e = error as DriverNotFoundError;
    expect(e.code).toBe('driver-not-found');
    expect(e.missing.map((m) => m.path)).toEqual(['viostor/2k25/amd64', 'NetKVM/2k25/amd64']);
    expect(e.message).toContain('viostor/2k25/amd64 (for the virtio-blk disk)');
    expect(e.message).toContain('choose in-box devices (disk bus sata or nvme');
    // The same old media still serves Server 2022.
    expect(
      (await select(old, { family: 'server2022', arch: 'amd64', required: ['viostor'] })).drivers[0]?.from,
    ).toBe('viostor/2k22/amd64');
  });

  test('arm64 has no guest-agent MSI on virtio-win: asking for one is a clear error', async () => {
    const error = await select(iso, { family: 'windows11', arch: 'arm64', guestAgent: true }).catch((e) => e);
    expect(DriverNotFoundError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      'The driver media virtio-win-0.1.999 has no guest agent MSI for arm64 (for the guest agent). virtio-win ships its installers for x86 and x64 only: turn them off for arm64 guests.',
    );
    const noInstallers = buildFakeVirtioWinIso({ dir: dir.path, name: 'bare.iso', withoutInstallers: true });
    await expect(
      select(noInstallers.iso, { family: 'windows11', arch: 'amd64', guestAgent: true, guestTools: true }),
    ).rejects.toThrow(
      'has no guest-agent/qemu-ga-x86_64.msi (for the guest agent), virtio-win-gt-x64.msi (for the guest tools)',
    );
  });

  test('a user’s own driver folder is staged whole; a required INF missing from it is an error', async () => {
    const own = join(dir.path, 'own');
    mkdirSync(own);
    writeTree(own, {
      'Storage/VioStor.INF': '[Version]\r\n',
      'Storage/viostor.sys': 'x',
      'Storage/viostor.pdb': 'x',
    });
    const plan = await select(own, { family: 'windows11', arch: 'amd64', required: ['viostor'] });
    expect(plan.layout).toBe('custom');
    expect(plan.files.map((f) => f.target)).toEqual([
      'custom/Storage/VioStor.INF',
      'custom/Storage/viostor.sys',
    ]);
    // A folder that happens to be named like a virtio-win driver, without release folders, is custom too.
    writeTree(own, { 'viostor/viostor.inf': '[Version]\r\n' });
    const named = await select(own, { family: 'windows11', arch: 'amd64', required: ['viostor'] });
    expect(named.layout).toBe('custom');
    expect(named.files.map((f) => f.target)).toContain('custom/viostor/viostor.inf');
    await expect(select(own, { family: 'windows11', arch: 'amd64', required: ['NetKVM'] })).rejects.toThrow(
      'has no netkvm.inf (anywhere in the folder) (for the virtio-net NIC)',
    );
  });
});
