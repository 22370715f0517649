import type { QemuHostInput, VmSpecInput } from '../index';

/** A complete amd64 host description as a runner would assemble it from probes. */
export const amd64Host: QemuHostInput = {
  binary: '/usr/bin/qemu-system-x86_64',
  accelerator: 'kvm',
  firmware: {
    code: '/usr/share/OVMF/OVMF_CODE_4M.ms.fd',
    varsTemplate: '/usr/share/OVMF/OVMF_VARS_4M.ms.fd',
    arch: 'amd64',
    features: ['enrolled-keys', 'requires-smm', 'secure-boot'],
  },
  varsPath: '/vm/vars.fd',
  qmp: { path: '/vm/qmp.sock' },
  serialLog: '/vm/serial.log',
  pidFile: '/vm/qemu.pid',
  tpmSocket: '/vm/swtpm.sock',
};

export const arm64Host: QemuHostInput = {
  ...amd64Host,
  binary: '/opt/homebrew/bin/qemu-system-aarch64',
  accelerator: 'hvf',
  firmware: {
    code: '/fw/edk2-aarch64-code.fd',
    varsTemplate: '/fw/edk2-arm-vars.fd',
    arch: 'arm64',
    features: [],
  },
};

/** A Windows 11 amd64 install. */
export const amd64Spec: VmSpecInput = {
  name: 'win11',
  arch: 'amd64',
  cpus: 4,
  memoryMiB: 8192,
  secureBoot: true,
  tpm: true,
  disk: { path: '/vm/disk.qcow2' },
  media: { windows: '/iso/Win11.iso', cidata: '/vm/cidata.iso' },
  network: { ssh: 2222 },
};

export const arm64Spec: VmSpecInput = {
  ...amd64Spec,
  arch: 'arm64',
  secureBoot: false,
  media: { ...amd64Spec.media, drivers: '/iso/virtio-win.iso' },
};
