import { qemuOption } from './_qemu-option';
import type { BuildContext, ResolvedSpec as ResolvedVmSpec } from './_resolved';
import type { PortForward, VmSpec } from './vm-spec';

/**
 * Every port forward of a spec, in the order QEMU gets them: SSH (guest 22), RDP (guest 3389), then
 * `network.forwards`. Other engines' renderers use it to forward the same ports.
 */
export function portForwardsOf(spec: Pick<VmSpec, 'network'>): PortForward[] {
  const { network } = spec;
  const local = (hostPort: number, guestPort: number) =>
    ({ protocol: 'tcp', hostAddress: '127.0.0.1', hostPort, guestPort }) as const;
  return [
    ...(network.ssh ? [local(network.ssh, 22)] : []),
    ...(network.rdp ? [local(network.rdp, 3389)] : []),
    ...network.forwards,
  ];
}

/**
 * `-netdev user` with every port forward and the NIC (`nic0` on `net0`), from the spec alone; other
 * engines (libvirt's `<qemu:commandline>`) attach the same network with it.
 */
export function userNetworkArgs(spec: ResolvedVmSpec): string[] {
  const { network } = spec;
  const hostfwd = portForwardsOf(spec).map(
    (f) => `hostfwd=${f.protocol}:${f.hostAddress}:${f.hostPort}-:${f.guestPort}`,
  );
  const nic = network.model === 'e1000e' ? 'e1000e' : 'virtio-net-pci';
  return [
    '-netdev',
    [qemuOption('user', { id: 'net0', smb: network.smb }), ...hostfwd].join(','),
    '-device',
    qemuOption(nic, { netdev: 'net0', id: 'nic0', mac: network.mac }),
  ];
}

/** User-mode network with the host port forwards, and the NIC. */
export function networkArgs({ spec }: BuildContext): string[] {
  return userNetworkArgs(spec);
}
