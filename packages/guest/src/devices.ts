import * as z from 'zod';
import type { Guest } from './guest-schema';

/** The system disk buses a description can ask for, by their user-facing names. */
export const diskBusSchema = z.enum(['sata', 'virtio-blk', 'virtio-scsi', 'nvme']);

/** A system disk bus of the description. */
export type DiskBus = z.output<typeof diskBusSchema>;

/** qemu-args' name of each bus (the one place `sata` becomes QEMU's `ahci`). */
const qemuDiskInterfaces = {
  sata: 'ahci',
  'virtio-blk': 'virtio-blk',
  'virtio-scsi': 'virtio-scsi',
  nvme: 'nvme',
} as const satisfies Record<DiskBus, string>;

/** The qemu-args / vm disk interface for a bus of the description (`sata` → `ahci`). */
export function qemuDiskInterface(bus: DiskBus | undefined) {
  return bus ? qemuDiskInterfaces[bus] : undefined;
}

/** The devices a guest gets once the architecture is known: what the description says, else the defaults. */
export interface GuestDevices {
  diskBus: DiskBus;
  networkModel: 'e1000e' | 'virtio-net';
  /** Whether QEMU gets the agent channel and Windows the agent MSI. */
  guestAgent: boolean;
}

/** Whether the guest is Windows (not a Linux test guest booted from `vm.kernel` / `vm.bootIso`). */
export function isWindowsGuest(guest: Guest): boolean {
  return !guest.vm.kernel && !guest.vm.bootIso;
}

/**
 * The devices of `guest` on `arch`. Defaults are in-box (SATA and e1000e on amd64; NVMe and
 * virtio-net, the only NIC arm64 Windows can drive, on arm64). The guest agent defaults to on for a
 * Windows amd64 guest with `media.drivers` (virtio-win carries the agent MSI for x64 only). Pure.
 */
export function guestDevices(guest: Guest, arch: 'amd64' | 'arm64'): GuestDevices {
  const { vm } = guest;
  const windows = isWindowsGuest(guest);
  return {
    diskBus: vm.disk.bus ?? (arch === 'arm64' ? 'nvme' : 'sata'),
    networkModel: vm.network.model ?? (arch === 'arm64' ? 'virtio-net' : 'e1000e'),
    guestAgent: vm.guestAgent ?? (windows && Boolean(guest.media.drivers) && arch === 'amd64'),
  };
}
