import { join } from 'node:path';
import type { QmpClient, QmpPciDevice } from '@winguest/qmp';
import { buildQemuArgs, type VmSpecInput } from '../index';
import { probeFirmware } from '../probe/index';
import { mediaOrder } from '../storage-args';
import type { QemuHarness } from './qemu-harness';

/** Host tools the real-QEMU tests need, for `requireHostTools`. */
export const realQemuTools = [
  { command: 'qemu-system-x86_64', debian: 'qemu-system-x86' },
  { command: 'qemu-system-aarch64', debian: 'qemu-system-arm' },
  { command: 'qemu-img', debian: 'qemu-utils' },
  { command: 'swtpm', debian: 'swtpm' },
];

/** Builds the spec's argv for this host (TCG, probed firmware, fresh instance files) and starts QEMU paused. */
export async function boot(
  harness: QemuHarness,
  spec: VmSpecInput,
  virtiofsSockets: Record<string, string> = {},
) {
  const dir = harness.tempDir(true);
  const instance = harness.tempDir(); // UNIX socket paths must stay short
  const files = Object.fromEntries(
    mediaOrder
      .filter((r) => r !== 'drivers' || spec.media?.drivers)
      .map((r) => [r, harness.iso(dir, `${r} media.iso`)]),
  );
  const fw =
    spec.firmware === 'bios' ? undefined : probeFirmware({ arch: spec.arch, secureBoot: !!spec.secureBoot });
  if (fw && !fw.available) throw new Error(fw.reason);
  const host = {
    binary: spec.arch === 'amd64' ? 'qemu-system-x86_64' : 'qemu-system-aarch64',
    accelerator: 'tcg' as const,
    firmware: fw?.firmware,
    varsPath: fw?.firmware.varsTemplate ? harness.vars(dir, fw.firmware.varsTemplate) : undefined,
    varsFormat: 'qcow2' as const,
    qmp: { path: join(instance, 'qmp.sock') },
    serialLog: join(dir, 'serial, log.txt'),
    pidFile: join(dir, 'qemu.pid'),
    tpmSocket: spec.tpm ? await harness.swtpm() : undefined,
    guestAgentSocket: spec.guestAgent ? join(instance, 'qga.sock') : undefined,
    virtiofsSockets,
  };
  const command = buildQemuArgs(
    { ...spec, disk: { ...spec.disk, path: harness.disk(dir) }, media: files },
    host,
  );
  const { qmp } = await harness.start(command, host.qmp.path);
  return { qmp, media: files as Record<string, string>, host, firmware: fw?.available ? fw : undefined };
}

/** Every PCI device (behind bridges too) by its qdev id. */
export async function pciDevices(qmp: QmpClient): Promise<Map<string, QmpPciDevice>> {
  const flatten = (devices: QmpPciDevice[]): QmpPciDevice[] =>
    devices.flatMap((d) => [d, ...flatten(d.pci_bridge?.devices ?? [])]);
  const buses = await qmp.execute('query-pci');
  return new Map(buses.flatMap((b) => flatten(b.devices)).map((d) => [d.qdev_id, d]));
}

/** The removable media QEMU reports, in its order, as [drive id, file]. */
export async function media(qmp: QmpClient): Promise<Array<[string, string | undefined]>> {
  const blocks = await qmp.execute('query-block');
  return blocks.filter((b) => b.removable).map((b) => [b.device, b.inserted?.file]);
}

/** `/machine/peripheral` as id → `child<type>`. */
export async function peripherals(qmp: QmpClient): Promise<Record<string, string>> {
  const list = (await qmp.execute('qom-list', { path: '/machine/peripheral' })) as Array<{
    name: string;
    type: string;
  }>;
  return Object.fromEntries(list.map((p) => [p.name, p.type]));
}
