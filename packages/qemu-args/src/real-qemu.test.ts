import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { QemuHarness } from './__fixtures__/qemu-harness';
import { boot, media, pciDevices, peripherals, realQemuTools } from './__fixtures__/real-qemu-boot';
import { mediaIds, mediaOrder, type VmSpecInput } from './index';

const tools = requireHostTools(realQemuTools);

let harness: QemuHarness;
beforeEach(() => {
  harness = new QemuHarness();
});
afterEach(async () => {
  await harness.cleanup();
});

const expectedMedia = (files: Record<string, string>) =>
  mediaOrder.filter((role) => files[role]).map((role) => [mediaIds[role], files[role]]);

describe.skipIf(!tools.available)('the built argv runs in real QEMU (paused, TCG)', () => {
  test('amd64 UEFI + Secure Boot + TPM + virtio', async () => {
    const spec: VmSpecInput = {
      arch: 'amd64',
      secureBoot: true,
      tpm: true,
      disk: { path: 'set by boot()', interface: 'virtio-blk' },
      media: { drivers: 'attached' },
      network: { model: 'virtio-net', ssh: 22_222 },
      extraArgs: ['-device', 'virtio-rng-pci,id=rng0'],
    };
    const { qmp, media: files, host, firmware } = await boot(harness, spec);
    expect(firmware?.descriptor).toBe('/usr/share/qemu/firmware/40-edk2-x86_64-secure-enrolled.json');

    const pci = await pciDevices(qmp);
    expect(pci.get('disk0')?.id).toMatchObject({ vendor: 0x1af4, device: 0x1001 }); // virtio-blk (transitional)
    expect(pci.get('nic0')?.id).toMatchObject({ vendor: 0x1af4, device: 0x1000 }); // virtio-net
    expect(pci.get('xhci')?.id.vendor).toBe(0x1b36);
    expect(pci.has('rng0')).toBe(true); // extra args reach QEMU
    expect(await media(qmp)).toEqual(expectedMedia(files));
    expect(await qmp.execute('qom-get', { path: '/machine', property: 'smm' })).toBe('on');

    const tpm = await qmp.execute('query-tpm');
    expect(tpm).toEqual([expect.objectContaining({ id: 'tpm0', model: 'tpm-crb' })]);
    expect(tpm[0]?.options.type).toBe('emulator');

    const chardevs = await qmp.execute('query-chardev');
    const labels = Object.fromEntries(chardevs.map((c) => [c.label, c.filename]));
    expect(labels.qmp).toContain(host.qmp.path);
    expect(labels).toHaveProperty('chrtpm');
    expect(labels).toHaveProperty('serial0');
    expect(await qmp.execute('query-status')).toMatchObject({ running: false, status: 'prelaunch' });
    expect(readFileSync(host.pidFile, 'utf8').trim()).toBe(String(harness.processes.at(-1)?.pid));
  });

  test('amd64 BIOS + AHCI + e1000e, VNC on a UNIX socket', async () => {
    const vnc = join(harness.tempDir(), 'vnc.sock');
    const spec: VmSpecInput = {
      arch: 'amd64',
      firmware: 'bios',
      disk: { path: 'set by boot()', interface: 'ahci' },
      network: { model: 'e1000e', forwards: [{ hostPort: 33_389, guestPort: 3389 }] },
      display: { type: 'vnc', address: `unix:${vnc}` },
    };
    const { qmp, media: files } = await boot(harness, spec);

    const pci = await pciDevices(qmp);
    expect(pci.get('nic0')?.id).toMatchObject({ vendor: 0x8086, device: 0x10d3 }); // e1000e
    expect(pci.get('video0')?.class_info.class).toBe(0x0300);
    const blocks = await qmp.execute('query-block');
    expect(blocks.find((b) => b.device === 'disk0')).toMatchObject({ removable: false, qdev: 'disk0' });
    expect(blocks.some((b) => b.device.startsWith('pflash'))).toBe(false);
    expect(await media(qmp)).toEqual(expectedMedia(files));
    expect(await qmp.execute('query-tpm')).toEqual([]);
    expect(await qmp.execute('query-vnc')).toMatchObject({ enabled: true, family: 'unix' });
  });

  test('arm64 NVMe + usb-storage + ramfb', async () => {
    const {
      qmp,
      media: files,
      firmware,
    } = await boot(harness, {
      arch: 'arm64',
      disk: { path: 'set by boot()' },
      media: { drivers: 'attached' },
    });
    expect(firmware?.descriptor).toBe('/usr/share/qemu/firmware/60-edk2-aarch64.json');

    const pci = await pciDevices(qmp);
    expect(pci.get('disk0')?.class_info.class).toBe(0x0108); // NVMe
    expect(pci.get('nic0')?.id.vendor).toBe(0x1af4);
    expect(await media(qmp)).toEqual(expectedMedia(files));
    const devices = await peripherals(qmp);
    expect(devices).toMatchObject({
      video0: 'child<ramfb>',
      keyboard: 'child<usb-kbd>',
      tablet: 'child<usb-tablet>',
      'cd-windows': 'child<usb-storage>',
      'cd-cidata': 'child<usb-storage>',
      'cd-drivers': 'child<usb-storage>',
    });
  });

  test('arm64 with TPM', async () => {
    const { qmp } = await boot(harness, {
      arch: 'arm64',
      tpm: true,
      secureBoot: true,
      disk: { path: 'set by boot()' },
    });
    const tpm = await qmp.execute('query-tpm');
    // QMP reports the sysbus tpm-tis-device under the TIS interface model.
    expect(tpm).toEqual([expect.objectContaining({ id: 'tpm0', model: 'tpm-tis' })]);
    expect(await peripherals(qmp)).toMatchObject({ tpm: 'child<tpm-tis-device>' });
    expect(await qmp.execute('query-status')).toMatchObject({ running: false });
  });
});
