import type { CommandDefinition } from '../command';
import { configOptions } from '../config/config-options';

const common = {
  out: { type: 'string', short: 'o', valueName: 'dir', description: 'Output folder' },
  ...configOptions,
  force: { type: 'boolean', description: 'Replace files from an earlier export' },
  json: { type: 'boolean', description: 'Print the summary as JSON' },
} as const;

const libvirt: CommandDefinition = {
  name: 'export libvirt',
  summary: 'Write a libvirt domain.xml beside an empty disk and the cidata ISO',
  usage: ['export libvirt [--out dir] [--config winguest.yaml] [--define [--connect URI]] [--force]'],
  description: [
    'The same guest as `winguest up`, for libvirt: q35/virt, UEFI picked by libvirt from the firmware',
    'descriptors (Secure Boot + SMM), a TPM 2.0 emulator, Hyper-V enlightenments under KVM, the same',
    'disk, media and boot order, the serial log in DIR/serial.log and SSH forwarded to 127.0.0.1.',
    'Writes DIR/domain.xml (default ./winguest-libvirt), disk.qcow2 (empty, vm.disk.sizeGiB) and',
    'cidata.iso (0600). --user-net qemu (default) forwards ports with QEMU arguments, which every',
    "libvirt accepts; --user-net passt uses libvirt's passt backend (not in Debian 12's libvirt).",
  ].join('\n'),
  options: {
    ...common,
    'domain-type': {
      type: 'string',
      valueName: 'kvm|qemu',
      description: 'kvm (default) or qemu (TCG, no Hyper-V)',
    },
    'user-net': {
      type: 'string',
      valueName: 'qemu|passt',
      description: 'How the SSH forward is made (default qemu)',
    },
    define: { type: 'boolean', description: 'Also run virsh define' },
    connect: {
      type: 'string',
      valueName: 'URI',
      description: 'libvirt URI for --define (default qemu:///session)',
    },
  },
  examples: [
    ['winguest export libvirt --iso Win11.iso --out vm1', 'domain.xml, disk.qcow2, cidata.iso in vm1/'],
    ['winguest export libvirt -c win11.yaml --define --connect qemu:///system', 'and define it'],
  ],
  run: async (context) => (await import('../export/export-libvirt')).exportLibvirt(context),
};

const kubevirt: CommandDefinition = {
  name: 'export kubevirt',
  summary: 'Write kubevirt.yaml: sysprep Secret, install-ISO DataVolume, VirtualMachine',
  usage: [
    'export kubevirt --iso-url URL | --iso-pvc ns/name | --clone ns/name [--out dir] [--config winguest.yaml]',
  ],
  description: [
    'The same guest as `winguest up`, for KubeVirt, as one YAML stream for `kubectl apply -f`',
    '(DIR/kubevirt.yaml, default ./winguest-kubevirt, 0600): a Secret with autounattend.xml and the',
    'provisioning files (flat), a DataVolume importing the Windows ISO (--iso-url) or cloning it',
    '(--iso-pvc), and a VirtualMachine with EFI + Secure Boot + SMM, a TPM, Hyper-V features and the',
    "description's disk and NIC models. --clone starts the system disk from a generalized golden image.",
  ].join('\n'),
  options: {
    ...common,
    'iso-url': { type: 'string', valueName: 'URL', description: 'Import the Windows ISO from this URL' },
    'iso-pvc': { type: 'string', valueName: 'ns/name', description: 'Clone the Windows ISO from this PVC' },
    clone: {
      type: 'string',
      valueName: 'ns/name',
      description: 'Clone the system disk from a golden image PVC',
    },
    namespace: { type: 'string', valueName: 'ns', description: 'Namespace of every object' },
    'storage-class': { type: 'string', valueName: 'name', description: 'Storage class of the system disk' },
    persistent: { type: 'boolean', description: 'Keep TPM and EFI variables across restarts' },
  },
  examples: [
    ['winguest export kubevirt --iso-url https://example.com/Win11.iso', 'install from an ISO URL'],
    ['winguest export kubevirt --clone golden/win11-generalized --namespace vms', 'a VM from a golden image'],
  ],
  run: async (context) => (await import('../export/export-kubevirt')).exportKubeVirt(context),
};

export const exportCommand: CommandDefinition = {
  name: 'export',
  summary: 'Write what libvirt or KubeVirt runs the guest from',
  usage: ['export libvirt [options]', 'export kubevirt [options]'],
  subcommands: { libvirt, kubevirt },
};
