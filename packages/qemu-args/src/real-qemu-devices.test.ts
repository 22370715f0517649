import { connectQga, type QmpPciDevice, QmpTimeoutError } from '@winguest/qmp';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { QemuHarness } from './__fixtures__/qemu-harness';
import { boot, pciDevices, peripherals, realQemuTools } from './__fixtures__/real-qemu-boot';
import { buildQemuArgs, guestAgentPortName, InvalidQemuSpecError, type VmSpecInput } from './index';

const tools = requireHostTools(realQemuTools);

let harness: QemuHarness;
beforeEach(() => {
  harness = new QemuHarness();
});
afterEach(async () => {
  await harness.cleanup();
});

/** PCI ids of each device QEMU may give a disk or NIC: virtio ones are transitional or modern. */
const pciIds: Record<string, Array<[number, number]>> = {
  'virtio-blk-pci': [
    [0x1af4, 0x1001],
    [0x1af4, 0x1042],
  ],
  'virtio-scsi-pci': [
    [0x1af4, 0x1004],
    [0x1af4, 0x1048],
  ],
  'virtio-net-pci': [
    [0x1af4, 0x1000],
    [0x1af4, 0x1041],
  ],
  'virtio-serial-pci': [
    [0x1af4, 0x1003],
    [0x1af4, 0x1043],
  ],
  nvme: [[0x1b36, 0x0010]],
  e1000e: [[0x8086, 0x10d3]],
};
const diskDevice = {
  ahci: 'ide-hd',
  'virtio-blk': 'virtio-blk-pci',
  'virtio-scsi': 'scsi-hd',
  nvme: 'nvme',
} as const;
const nicDevice = { e1000e: 'e1000e', 'virtio-net': 'virtio-net-pci' } as const;
type Bus = keyof typeof diskDevice;
type Nic = keyof typeof nicDevice;
const buses = Object.keys(diskDevice) as Bus[];
const nics = Object.keys(nicDevice) as Nic[];
const combos = (['amd64', 'arm64'] as const).flatMap((arch) =>
  buses.flatMap((bus) => nics.map((nic) => ({ arch, bus, nic }))),
);
/** arm64 (virt) has no AHCI, and Windows on arm64 has no e1000e driver: the spec check refuses them. */
const refused = (c: (typeof combos)[number]) =>
  c.arch === 'arm64' && (c.bus === 'ahci' || c.nic === 'e1000e');

function expectPciId(device: QmpPciDevice | undefined, type: string): void {
  expect(pciIds[type]).toContainEqual([device?.id.vendor, device?.id.device]);
}

describe.skipIf(!tools.available)(
  'every disk bus × NIC × arch in real QEMU (paused), with the guest-agent port',
  () => {
    test.each(combos.filter((c) => !refused(c)))('$arch: disk $bus, NIC $nic', async ({ arch, bus, nic }) => {
      const spec: VmSpecInput = {
        arch,
        guestAgent: true,
        disk: { path: 'set by boot()', interface: bus },
        network: { model: nic },
      };
      const { qmp, host } = await boot(harness, spec);
      const devices = await peripherals(qmp);
      expect(devices.disk0).toBe(`child<${diskDevice[bus]}>`);
      expect(devices.nic0).toBe(`child<${nicDevice[nic]}>`);
      const pci = await pciDevices(qmp);
      expectPciId(pci.get('nic0'), nicDevice[nic]);
      if (bus === 'virtio-scsi') expectPciId(pci.get('scsi0'), 'virtio-scsi-pci');
      else if (bus !== 'ahci') expectPciId(pci.get('disk0'), diskDevice[bus]);
      const disk = (await qmp.execute('query-block')).find((b) => b.device === 'disk0');
      expect(disk).toMatchObject({
        removable: false,
        inserted: { file: expect.stringContaining('disk.qcow2') },
      });

      expect(devices).toMatchObject({
        vserial0: 'child<virtio-serial-pci>',
        'qga-port': 'child<virtserialport>',
      });
      expectPciId(pci.get('vserial0'), 'virtio-serial-pci');
      const port = { path: '/machine/peripheral/qga-port', property: 'name' };
      expect(await qmp.execute('qom-get', port)).toBe(guestAgentPortName);
      const chardev = (await qmp.execute('query-chardev')).find((c) => c.label === 'qga0');
      expect(chardev?.filename).toBe(`disconnected:unix:${host.guestAgentSocket},server=on`); // listening, no client yet
    });

    test.each(combos.filter(refused))(
      '$arch: disk $bus, NIC $nic is refused before QEMU runs',
      ({ arch, bus, nic }) => {
        const spec = { arch, disk: { path: '/d.qcow2', interface: bus }, network: { model: nic } } as const;
        const host = { binary: 'qemu-system-aarch64', accelerator: 'tcg', qmp: { path: '/q' } } as const;
        const error = (() => {
          try {
            buildQemuArgs(spec, { ...host, varsPath: '/v', firmware: { code: '/c' } });
          } catch (e) {
            return e;
          }
        })();
        expect(error).toBeInstanceOf(InvalidQemuSpecError);
        const paths = (error as InvalidQemuSpecError).issues.map((i) => i.path);
        const expected = [bus === 'ahci' && 'spec.disk.interface', nic === 'e1000e' && 'spec.network.model'];
        expect(paths).toEqual(expected.filter(Boolean)); // every problem at once, nothing else
      },
    );

    test('the agent socket of a paused guest (no agent running) fails connectQga cleanly and fast', async () => {
      const { host } = await boot(harness, {
        arch: 'amd64',
        firmware: 'bios',
        guestAgent: true,
        disk: { path: 'set by boot()' },
      });
      const started = Date.now();
      const error = await connectQga({ path: String(host.guestAgentSocket) }, { timeoutMs: 500 }).catch(
        (e) => e,
      );
      expect(error).toBeInstanceOf(QmpTimeoutError);
      expect(Date.now() - started).toBeLessThan(3000);
    });
  },
);
