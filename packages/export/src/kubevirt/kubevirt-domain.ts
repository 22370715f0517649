import { hypervEnlightenments, portForwardsOf, type ResolvedVmSpec } from '@winguest/qemu-args';
import type { KubeVirtOptions } from './kubevirt-options';

/** KubeVirt's name for each qemu-args enlightenment (`hv-stimer` is `synictimer`; `hv-time` is a clock timer). */
const hypervNames: Record<string, string> = { stimer: 'synictimer' };

/** `features.hyperv` from qemu-args' enlightenment list (KubeVirt always runs on KVM). */
export function kubeVirtHyperv(): Record<string, object> {
  const entries = hypervEnlightenments.flatMap((flag): [string, object][] => {
    const [name = '', value] = flag.replace(/^hv-/, '').split('=');
    if (name === 'time') return [];
    if (name === 'spinlocks') return [[name, { spinlocks: Number(value) }]];
    return [[hypervNames[name] ?? name, {}]];
  });
  return Object.fromEntries(entries);
}

/** The clock KubeVirt's Windows templates set: UTC, no HPET, PIT delay, RTC catch-up, Hyper-V clock. */
export const windowsClock = {
  utc: {},
  timer: {
    hpet: { present: false },
    pit: { tickPolicy: 'delay' },
    rtc: { tickPolicy: 'catchup' },
    hyperv: {},
  },
} as const;

/** `spec.template.spec.domain` without disks: CPU, memory, machine, firmware, features, clock, devices. */
export function kubeVirtDomain(spec: ResolvedVmSpec, options: KubeVirtOptions) {
  const amd64 = spec.arch === 'amd64';
  const uefi = spec.firmware === 'uefi';
  const efi = { secureBoot: spec.secureBoot, ...(options.persistentState ? { persistent: true } : {}) };
  return {
    cpu: { cores: spec.cpus },
    memory: { guest: `${spec.memoryMiB}Mi` },
    machine: { type: amd64 ? 'q35' : 'virt' },
    firmware: { bootloader: uefi ? { efi } : { bios: {} } },
    features: {
      acpi: {},
      ...(amd64 ? { apic: {}, hyperv: kubeVirtHyperv() } : {}),
      ...(spec.secureBoot ? { smm: { enabled: true } } : {}),
    },
    ...(amd64 ? { clock: windowsClock } : {}),
  };
}

/** The pod-network interface with the spec's NIC model and the guest ports it serves. */
export function kubeVirtInterface(spec: ResolvedVmSpec) {
  const ports = portForwardsOf(spec).map((forward) => ({
    port: forward.guestPort,
    protocol: forward.protocol.toUpperCase(),
  }));
  return {
    name: 'default',
    model: spec.network.model === 'e1000e' ? 'e1000e' : 'virtio',
    masquerade: {},
    ...(spec.network.mac ? { macAddress: spec.network.mac.toLowerCase() } : {}),
    ...(ports.length > 0 ? { ports } : {}),
  };
}
