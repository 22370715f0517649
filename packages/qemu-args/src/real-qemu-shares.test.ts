import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { QemuHarness } from './__fixtures__/qemu-harness';
import { boot, pciDevices, peripherals, realQemuTools } from './__fixtures__/real-qemu-boot';
import { shareDeviceIds } from './index';
import { probeSmbd, probeVirtiofsd } from './probe/index';

const tools = requireHostTools([
  ...realQemuTools,
  { command: 'unshare', debian: 'util-linux' },
  { command: 'mount', debian: 'mount' },
  { command: 'sh', debian: 'dash' },
]);

let harness: QemuHarness;
beforeEach(() => {
  harness = new QemuHarness();
});
afterEach(async () => {
  await harness.cleanup();
});

/** virtio-fs PCI ids: vendor Red Hat, modern device 0x105a (virtio id 26). */
const virtioFsPci = { vendor: 0x1af4, device: 0x105a };

describe.skipIf(!tools.available)('virtio-fs on real QEMU (paused) with real virtiofsd', () => {
  test.each(['amd64', 'arm64'] as const)('%s: two shares (one read-only) on a shared memfd', async (arch) => {
    const virtiofsd = await probeVirtiofsd();
    if (!virtiofsd.available) throw new Error(virtiofsd.reason);
    const sockets = harness.tempDir();
    const shares = [
      { tag: 'home', dir: harness.tempDir(true), readOnly: false },
      { tag: 'read only,ä', dir: harness.tempDir(true), readOnly: true },
    ];
    const daemons: ChildProcess[] = [];
    const virtiofsSockets: Record<string, string> = {};
    for (const [i, share] of shares.entries()) {
      const socket = join(sockets, `fs${i}.sock`);
      virtiofsSockets[share.tag] = socket;
      daemons.push(await harness.virtiofsd(virtiofsd, { socket, dir: share.dir, readOnly: share.readOnly }));
    }
    const spec = { arch, firmware: 'bios' as const, memoryMiB: 512, disk: { path: 'set by boot()' } };
    const { qmp } = await boot(
      harness,
      { ...spec, firmware: arch === 'arm64' ? 'uefi' : 'bios', shares: shares.map(({ tag }) => ({ tag })) },
      virtiofsSockets,
    );

    const devices = await peripherals(qmp);
    const pci = await pciDevices(qmp);
    for (const [i, share] of shares.entries()) {
      const { device } = shareDeviceIds(i);
      expect(devices[device]).toBe('child<vhost-user-fs-pci>');
      const tag = await qmp.execute('qom-get', { path: `/machine/peripheral/${device}`, property: 'tag' });
      expect(tag).toBe(share.tag);
      expect(pci.get(device)?.id).toMatchObject(virtioFsPci);
    }
    const memdevs = (await qmp.execute('query-memdev')) as Array<{
      id?: string;
      size: number;
      share: boolean;
    }>;
    expect(memdevs).toEqual([expect.objectContaining({ id: 'mem', size: 512 * 1024 * 1024, share: true })]);

    // Each virtiofsd served QEMU's connection: it ends when QEMU does.
    await qmp.quit();
    await Promise.all(daemons.map((d) => (d.exitCode === null ? once(d, 'exit') : undefined)));
    expect(daemons.map((d) => d.exitCode)).toEqual([0, 0]);
  });

  test('without a listening virtiofsd QEMU refuses to start and names the socket', async () => {
    const socket = join(harness.tempDir(), 'nobody.sock');
    const error = await boot(
      harness,
      { arch: 'amd64', firmware: 'bios', memoryMiB: 256, disk: { path: 'x' }, shares: [{ tag: 't' }] },
      { t: socket },
    ).catch((e: Error) => e);
    expect(String(error)).toContain(socket);
  });
});

const smbTools = requireHostTools([{ command: 'smbd', debian: 'samba' }]);
describe.skipIf(!tools.available || !smbTools.available)(
  'SMB share on the user network of real QEMU (paused)',
  () => {
    test('QEMU accepts smb= and writes the smbd config serving the directory as [qemu]', async () => {
      const smbd = probeSmbd();
      if (!smbd.available) throw new Error(smbd.reason); // QEMU looks in its configured place only
      const shared = harness.tempDir(true);
      mkdirSync(join(shared, 'sub'));
      const before = new Set(readdirSync(tmpdir()).filter((n) => n.startsWith('qemu-smb.')));
      const { qmp } = await boot(harness, {
        arch: 'amd64',
        firmware: 'bios',
        memoryMiB: 256,
        disk: { path: 'x' },
        network: { smb: shared },
      });
      const made = readdirSync(tmpdir()).filter((n) => n.startsWith('qemu-smb.') && !before.has(n));
      expect(made).toHaveLength(1);
      const conf = readFileSync(join(tmpdir(), made[0] as string, 'smb.conf'), 'utf8');
      expect(conf).toMatch(/\[qemu\]\s+path=(.+)\n/);
      expect(/\[qemu\]\s+path=(.+)\n/.exec(conf)?.[1]).toBe(shared);
      await qmp.quit();
      await harness.cleanup(); // QEMU removes its smbd directory when it exits
      expect(existsSync(join(tmpdir(), made[0] as string))).toBe(false);
    });
  },
);
