import type { ExportIssue } from '../errors';

/** Disk buses KubeVirt knows; arm64 allows only virtio and SCSI. */
const buses = ['virtio', 'sata', 'scsi', 'usb'];
const arm64Buses = ['virtio', 'scsi'];
const nicModels = ['e1000', 'e1000e', 'igb', 'ne2k_pci', 'pcnet', 'rtl8139', 'virtio'];
const runStrategies = ['Always', 'RerunOnFailure', 'Once', 'Manual', 'Halted', 'WaitAsReceiver'];

type Obj = Record<string, unknown>;
const obj = (value: unknown): Obj => (typeof value === 'object' && value !== null ? (value as Obj) : {});
const list = (value: unknown): Obj[] => (Array.isArray(value) ? value.map(obj) : []);

type Add = (path: string, message: string) => void;

/** The objects of an export by kind and name. */
interface Stream {
  secrets: Map<unknown, Obj>;
  dataVolumes: Map<unknown, Obj>;
}

/**
 * What KubeVirt's schema does not catch, checked on the parsed objects of an export: bus and NIC
 * names, runStrategy, every disk backed by a volume, the sysprep Secret present with a non-empty
 * `autounattend.xml` (never a ConfigMap), the system disk first and before the CD-ROMs, unique boot
 * orders with the system disk first, DataVolumes present. Returns every problem at once.
 */
export function checkKubeVirtManifests(manifests: readonly unknown[]): ExportIssue[] {
  const issues: ExportIssue[] = [];
  const add: Add = (path, message) => issues.push({ path, message });
  const objects = manifests.map(obj);
  const named = (kind: string) =>
    new Map(objects.filter((o) => o.kind === kind).map((o) => [obj(o.metadata).name, o]));
  const stream = { secrets: named('Secret'), dataVolumes: named('DataVolume') };
  const vms = objects.filter((o) => o.kind === 'VirtualMachine');
  if (vms.length !== 1) add('VirtualMachine', `expected one VirtualMachine, found ${vms.length}`);
  for (const o of objects) {
    if (o.kind === 'ConfigMap')
      add(
        `ConfigMap ${String(obj(o.metadata).name)}`,
        'an export puts no files in a ConfigMap: sysprep files are secrets',
      );
  }
  for (const vm of vms) checkVm(vm, stream, add);
  return issues;
}

function checkVm(vm: Obj, stream: Stream, add: Add): void {
  const spec = obj(vm.spec);
  const at = `VirtualMachine ${String(obj(vm.metadata).name)}`;
  if (!runStrategies.includes(String(spec.runStrategy)))
    add(`${at}.spec.runStrategy`, `"${String(spec.runStrategy)}" is not one of ${runStrategies.join(', ')}`);
  const vmi = obj(obj(spec.template).spec);
  const domain = obj(vmi.domain);
  const devices = obj(domain.devices);
  const disks = list(devices.disks);
  const volumes = new Map(list(vmi.volumes).map((v) => [v.name, v]));
  const templates = new Set(list(spec.dataVolumeTemplates).map((t) => obj(t.metadata).name));
  const allowed = vmi.architecture === 'arm64' ? arm64Buses : buses;
  for (const [i, disk] of disks.entries()) {
    const path = `${at}.disks[${i}]`;
    const bus = String(obj(disk.disk ?? disk.cdrom).bus);
    if (!allowed.includes(bus))
      add(
        `${path}.bus`,
        `"${bus}" is not a ${String(vmi.architecture ?? 'amd64')} bus (${allowed.join(', ')})`,
      );
    const volume = volumes.get(disk.name);
    if (volume) checkVolume(volume, path, { ...stream, templates }, add);
    else add(path, `no volume named "${String(disk.name)}"`);
  }
  checkOrder(disks, at, add);
  for (const [i, nic] of list(devices.interfaces).entries()) {
    if (!nicModels.includes(String(nic.model)))
      add(
        `${at}.interfaces[${i}].model`,
        `"${String(nic.model)}" is not a KubeVirt NIC model (${nicModels.join(', ')})`,
      );
  }
  const efi = obj(obj(obj(domain.firmware).bootloader).efi);
  if (efi.secureBoot === true && obj(obj(domain.features).smm).enabled !== true)
    add(`${at}.features.smm`, 'Secure Boot needs SMM enabled');
}

function checkVolume(
  volume: Obj,
  path: string,
  stream: Stream & { templates: Set<unknown> },
  add: Add,
): void {
  if (volume.sysprep) {
    const sysprep = obj(volume.sysprep);
    if (sysprep.configMap)
      add(`${path}.sysprep`, 'the answer file holds the password: use a Secret, not a ConfigMap');
    const secretName = obj(sysprep.secret).name;
    const secret = stream.secrets.get(secretName);
    const text = obj(secret?.stringData)['autounattend.xml'] ?? obj(secret?.data)['autounattend.xml'];
    if (!secret) add(`${path}.sysprep`, `Secret "${String(secretName)}" is not in the export`);
    else if (typeof text !== 'string' || text.length === 0)
      add(`${path}.sysprep`, 'the sysprep Secret has no autounattend.xml (or it is empty)');
  }
  const dv = obj(volume.dataVolume).name;
  if (volume.dataVolume && !stream.templates.has(dv) && !stream.dataVolumes.has(dv))
    add(path, `DataVolume "${String(dv)}" is neither in the export nor a dataVolumeTemplate`);
}

function checkOrder(disks: Obj[], at: string, add: Add): void {
  const firstCdrom = disks.findIndex((d) => d.cdrom);
  const lastDisk = disks.findLastIndex((d) => d.disk);
  if (!disks[0]?.disk)
    add(`${at}.disks[0]`, 'the system disk must come first (the answer file installs to disk 0)');
  if (firstCdrom >= 0 && lastDisk > firstCdrom)
    add(`${at}.disks`, 'disks must come before CD-ROMs, as in our QEMU order');
  const orders = disks.map((d) => d.bootOrder).filter((o): o is number => typeof o === 'number');
  if (new Set(orders).size !== orders.length) add(`${at}.disks`, `boot orders repeat: ${orders.join(', ')}`);
  if (orders.length > 0 && disks[0]?.bootOrder !== Math.min(...orders))
    add(
      `${at}.disks[0].bootOrder`,
      'the system disk must boot first (the install CD second), or Setup starts over after its reboot',
    );
}
