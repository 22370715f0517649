import { diskId, mediaOrder, type ResolvedVmSpec } from '@winguest/qemu-args';
import { el, type XmlNode } from '../_xml';

const letter = (index: number) => String.fromCharCode('a'.charCodeAt(0) + index);

/**
 * The system disk (boot order 1) and the CD-ROMs (Windows ISO boot order 2) in qemu-args' order:
 * disk on SATA port 0 (or virtio / virtio-scsi), media on SATA ports 1..3 on amd64, USB storage on
 * arm64. libvirt 9 has no NVMe disk bus: an NVMe disk is returned as QEMU arguments instead, on
 * root-bus slot 0x1d (see `nicSlot`).
 */
export function storageElements(spec: ResolvedVmSpec): { devices: XmlNode[]; qemuArgs: string[] } {
  const media = mediaOrder.flatMap((role, slot) => {
    const file = spec.media[role];
    if (!file) return [];
    const bus = spec.arch === 'amd64' ? 'sata' : 'usb';
    return [
      el(
        'disk',
        { type: 'file', device: 'cdrom' },
        el('driver', { name: 'qemu', type: 'raw' }),
        el('source', { file }),
        el('target', { dev: `sd${letter(slot + 1)}`, bus }),
        el('readonly'),
        role === 'windows' && el('boot', { order: 2 }),
        el('alias', { name: `ua-${role}` }),
        bus === 'sata' && el('address', { type: 'drive', controller: 0, bus: 0, target: 0, unit: slot + 1 }),
      ),
    ];
  });
  if (spec.disk.interface === 'nvme') return { devices: media, qemuArgs: nvmeArgs(spec) };
  return { devices: [...diskElements(spec), ...media], qemuArgs: [] };
}

function diskElements(spec: ResolvedVmSpec): XmlNode[] {
  const { disk } = spec;
  const target = {
    ahci: { dev: 'sda', bus: 'sata' },
    'virtio-blk': { dev: 'vda', bus: 'virtio' },
    'virtio-scsi': { dev: 'sda', bus: 'scsi' },
    nvme: { dev: 'sda', bus: 'sata' },
  }[disk.interface];
  const address =
    disk.interface === 'ahci' || disk.interface === 'virtio-scsi'
      ? el('address', { type: 'drive', controller: 0, bus: 0, target: 0, unit: 0 })
      : undefined;
  return [
    ...(disk.interface === 'virtio-scsi'
      ? [el('controller', { type: 'scsi', index: 0, model: 'virtio-scsi' })]
      : []),
    el(
      'disk',
      { type: 'file', device: 'disk' },
      el('driver', { name: 'qemu', type: disk.format, discard: 'unmap' }),
      el('source', { file: disk.path }),
      el('target', target),
      el('boot', { order: 1 }),
      el('alias', { name: `ua-${diskId}` }),
      address,
    ),
  ];
}

function nvmeArgs({ disk }: ResolvedVmSpec): string[] {
  const file = disk.path.replaceAll(',', ',,');
  return [
    '-drive',
    `if=none,id=${diskId},file=${file},format=${disk.format},discard=unmap`,
    '-device',
    `nvme,drive=${diskId},id=${diskId},serial=winguest-disk0,bootindex=1,bus=pcie.0,addr=0x1d`,
  ];
}
