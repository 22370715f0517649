import { qemuOption } from './_qemu-option';
import type { BuildContext } from './_resolved';
import type { PortForward } from './vm-spec';

/** User-mode network with the host port forwards, and the NIC. */
export function networkArgs({ spec }: BuildContext): string[] {
  const { network } = spec;
  const forwards: PortForward[] = [
    ...(network.ssh
      ? [{ protocol: 'tcp', hostAddress: '127.0.0.1', hostPort: network.ssh, guestPort: 22 } as const]
      : []),
    ...(network.rdp
      ? [{ protocol: 'tcp', hostAddress: '127.0.0.1', hostPort: network.rdp, guestPort: 3389 } as const]
      : []),
    ...network.forwards,
  ];
  const hostfwd = forwards.map((f) => `hostfwd=${f.protocol}:${f.hostAddress}:${f.hostPort}-:${f.guestPort}`);
  const nic = network.model === 'e1000e' ? 'e1000e' : 'virtio-net-pci';
  return [
    '-netdev',
    [qemuOption('user', { id: 'net0', smb: network.smb }), ...hostfwd].join(','),
    '-device',
    qemuOption(nic, { netdev: 'net0', id: 'nic0', mac: network.mac }),
  ];
}
