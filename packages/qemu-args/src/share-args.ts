import { qemuOption } from './_qemu-option';
import type { BuildContext } from './_resolved';

/** The id of the shared memory backend virtio-fs needs (virtiofsd maps guest memory). */
export const sharedMemoryId = 'mem';

/** The qdev and chardev ids of the `index`-th share, for `qom-get` / `query-pci`. */
export function shareDeviceIds(index: number): { device: string; chardev: string } {
  return { device: `fs${index}`, chardev: `vfs${index}` };
}

/** The `-machine` property that backs guest RAM by the shared memfd; none without shares. */
export function sharedMemoryMachineProps({ spec }: BuildContext): Record<string, string | undefined> {
  return { 'memory-backend': spec.shares.length > 0 ? sharedMemoryId : undefined };
}

/**
 * One `vhost-user-fs-pci` per share on virtiofsd's socket, and the memfd backend (`share=on`,
 * the guest's memory size) that lets virtiofsd reach guest RAM.
 */
export function shareArgs({ spec, host }: BuildContext): string[] {
  if (spec.shares.length === 0) return [];
  const memory = qemuOption('memory-backend-memfd', {
    id: sharedMemoryId,
    size: `${spec.memoryMiB}M`,
    share: true,
  });
  return [
    '-object',
    memory,
    ...spec.shares.flatMap(({ tag }, index) => {
      const ids = shareDeviceIds(index);
      return [
        '-chardev',
        qemuOption('socket', { id: ids.chardev, path: host.virtiofsSockets[tag] }),
        '-device',
        qemuOption('vhost-user-fs-pci', { chardev: ids.chardev, tag, id: ids.device }),
      ];
    }),
  ];
}
