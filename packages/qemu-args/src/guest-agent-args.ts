import { qemuOption } from './_qemu-option';
import type { BuildContext } from './_resolved';
import { chardevIds } from './control-args';

/** The name the QEMU guest agent (Linux and Windows) looks for on the virtio-serial bus. */
export const guestAgentPortName = 'org.qemu.guest_agent.0';

/** The device ids of the guest agent's controller and port, for `qom-list` / `query-pci`. */
export const guestAgentDeviceIds = { controller: 'vserial0', port: 'qga-port' } as const;

/**
 * A virtio-serial controller with one port named `org.qemu.guest_agent.0`, backed by a UNIX socket
 * QEMU listens on (`server=on,wait=off`: QEMU starts without a client; connect with `connectQga`).
 */
export function guestAgentArgs({ spec, host }: BuildContext): string[] {
  if (!spec.guestAgent || !host.guestAgentSocket) return [];
  const { controller, port } = guestAgentDeviceIds;
  return [
    '-device',
    qemuOption('virtio-serial-pci', { id: controller }),
    '-chardev',
    qemuOption('socket', {
      id: chardevIds.guestAgent,
      path: host.guestAgentSocket,
      server: true,
      wait: false,
    }),
    '-device',
    qemuOption('virtserialport', {
      bus: `${controller}.0`,
      chardev: chardevIds.guestAgent,
      name: guestAgentPortName,
      id: port,
    }),
  ];
}
