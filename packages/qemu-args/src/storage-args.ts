import { qemuOption } from './_qemu-option';
import type { BuildContext } from './_resolved';

/** The install media roles, in the fixed order they are attached. */
export const mediaOrder = ['windows', 'cidata', 'drivers'] as const;

/** An install media role. */
export type MediaRole = (typeof mediaOrder)[number];

/** The drive and device id QEMU gets for each medium (use it with QMP `eject`, `query-block`). */
export const mediaIds: Readonly<Record<MediaRole, string>> = {
  windows: 'cd-windows',
  cidata: 'cd-cidata',
  drivers: 'cd-drivers',
};

/** The drive and device id of the system disk. */
export const diskId = 'disk0';

/** The system disk (boot index 0) and the CD-ROMs (Windows ISO boot index 1), in the documented order. */
export function storageArgs(ctx: BuildContext): string[] {
  return [...diskArgs(ctx), ...mediaOrder.flatMap((role, slot) => mediumArgs(ctx, role, slot))];
}

function diskArgs({ spec }: BuildContext): string[] {
  const { disk } = spec;
  const drive = qemuOption('', {
    if: 'none',
    id: diskId,
    file: disk.path,
    format: disk.format,
    discard: 'unmap',
  });
  const common = { drive: diskId, id: diskId, bootindex: 0 };
  switch (disk.interface) {
    case 'ahci':
      return ['-drive', drive, '-device', qemuOption('ide-hd', { ...common, bus: 'ide.0' })];
    case 'nvme':
      return ['-drive', drive, '-device', qemuOption('nvme', { ...common, serial: 'winguest-disk0' })];
    case 'virtio-blk':
      return ['-drive', drive, '-device', qemuOption('virtio-blk-pci', common)];
    case 'virtio-scsi':
      return [
        '-drive',
        drive,
        '-device',
        qemuOption('virtio-scsi-pci', { id: 'scsi0' }),
        '-device',
        qemuOption('scsi-hd', { ...common, bus: 'scsi0.0' }),
      ];
  }
}

function mediumArgs({ spec }: BuildContext, role: MediaRole, slot: number): string[] {
  const file = spec.media[role];
  if (!file) return [];
  const id = mediaIds[role];
  const bootindex = role === 'windows' ? 1 : undefined;
  const drive = qemuOption('', { if: 'none', id, media: 'cdrom', readonly: true, file });
  // amd64: AHCI ports 1..3 (port 0 is the disk's when it is on AHCI); arm64: USB mass storage.
  const device =
    spec.arch === 'amd64'
      ? qemuOption('ide-cd', { drive: id, id, bus: `ide.${slot + 1}`, bootindex })
      : qemuOption('usb-storage', { drive: id, id, bus: 'xhci.0', bootindex });
  return ['-drive', drive, '-device', device];
}
