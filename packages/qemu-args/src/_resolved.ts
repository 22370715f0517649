import type { QemuHost } from './qemu-host';
import type { VmSpec } from './vm-spec';

/** A spec with the arch-dependent defaults filled in. */
export interface ResolvedSpec extends VmSpec {
  disk: VmSpec['disk'] & { interface: NonNullable<VmSpec['disk']['interface']> };
  network: VmSpec['network'] & { model: NonNullable<VmSpec['network']['model']> };
}

/** Fills in the defaults that depend on the architecture (disk controller, NIC model). */
export function resolveSpec(spec: VmSpec): ResolvedSpec {
  const amd64 = spec.arch === 'amd64';
  return {
    ...spec,
    disk: { ...spec.disk, interface: spec.disk.interface ?? (amd64 ? 'ahci' : 'nvme') },
    network: { ...spec.network, model: spec.network.model ?? (amd64 ? 'e1000e' : 'virtio-net') },
  };
}

/** What every argument section receives. */
export interface BuildContext {
  spec: ResolvedSpec;
  host: QemuHost;
}
