import type { ResolvedVmSpec } from '@winguest/qemu-args';
import { defaultVirtioWinImage, type KubeVirtOptions } from './kubevirt-options';

/** Names of the objects and volumes a VM named `name` gets. */
export function kubeVirtNames(name: string) {
  return {
    rootDisk: `${name}-rootdisk`,
    installIso: `${name}-install-iso`,
    sysprep: `${name}-sysprep`,
    virtioWin: 'virtio-win',
  } as const;
}

/** KubeVirt's disk bus for each qemu-args disk controller (KubeVirt has no NVMe bus). */
export const kubeVirtDiskBus = {
  ahci: 'sata',
  'virtio-blk': 'virtio',
  'virtio-scsi': 'scsi',
  nvme: undefined,
} as const;

/** CD-ROM bus: SATA on amd64; KubeVirt allows only virtio and SCSI on arm64. */
export const kubeVirtCdromBus = (arch: ResolvedVmSpec['arch']) => (arch === 'amd64' ? 'sata' : 'scsi');

/** Whether the spec needs virtio-win drivers during Setup (virtio disk or NIC, or a driver ISO). */
export function needsVirtioWin(spec: ResolvedVmSpec): boolean {
  return (
    spec.disk.interface.startsWith('virtio') || spec.network.model === 'virtio-net' || !!spec.media.drivers
  );
}

/** The virtio-win image to attach, or undefined. */
export function virtioWinImage(spec: ResolvedVmSpec, options: KubeVirtOptions): string | undefined {
  if (options.virtioWin === false) return undefined;
  if (options.virtioWin === 'auto') return needsVirtioWin(spec) ? defaultVirtioWinImage : undefined;
  return options.virtioWin;
}

/**
 * Disks and volumes in qemu-args' order: the system disk (boot order 1), the Windows ISO (boot
 * order 2), the sysprep media (cidata's place), virtio-win (the driver ISO's place).
 */
export function kubeVirtDisks(spec: ResolvedVmSpec, options: KubeVirtOptions, name: string) {
  const names = kubeVirtNames(name);
  const cdrom = { bus: kubeVirtCdromBus(spec.arch) };
  const image = virtioWinImage(spec, options);
  const disks: object[] = [
    { name: names.rootDisk, disk: { bus: kubeVirtDiskBus[spec.disk.interface] }, bootOrder: 1 },
  ];
  const volumes: object[] = [{ name: names.rootDisk, dataVolume: { name: names.rootDisk } }];
  if (options.installIso) {
    disks.push({ name: 'install-iso', cdrom, bootOrder: 2 });
    volumes.push({ name: 'install-iso', dataVolume: { name: names.installIso } });
  }
  if (options.sysprep) {
    disks.push({ name: 'sysprep', cdrom });
    volumes.push({ name: 'sysprep', sysprep: { secret: { name: names.sysprep } } });
  }
  if (image) {
    disks.push({ name: names.virtioWin, cdrom });
    volumes.push({ name: names.virtioWin, containerDisk: { image } });
  }
  return { disks, volumes };
}

/** The system disk's DataVolume template: blank, or a clone of a golden image. */
export function rootDiskTemplate(options: KubeVirtOptions, name: string) {
  const { disk } = options;
  return {
    metadata: { name: kubeVirtNames(name).rootDisk },
    spec: {
      source: disk.clone ? { pvc: disk.clone } : { blank: {} },
      storage: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: disk.size } },
        ...(disk.storageClassName ? { storageClassName: disk.storageClassName } : {}),
      },
    },
  };
}
