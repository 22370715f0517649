import type { GuestArch } from './probe-result';

/** A firmware pair at a well-known path, with the features its build is known to have. */
export interface KnownFirmware {
  code: string;
  varsTemplate: string;
  features: string[];
}

const secureEnrolledSmm = ['secure-boot', 'enrolled-keys', 'requires-smm'];
const homebrew = ['/opt/homebrew/share/qemu', '/usr/local/share/qemu'];

/**
 * Where distributions and Homebrew put edk2 builds, used only when no descriptor matches.
 * Preferred entries come first.
 */
export function wellKnownFirmware(arch: GuestArch): KnownFirmware[] {
  if (arch === 'arm64') {
    return [
      {
        code: '/usr/share/AAVMF/AAVMF_CODE.ms.fd',
        varsTemplate: '/usr/share/AAVMF/AAVMF_VARS.ms.fd',
        features: ['secure-boot', 'enrolled-keys'],
      },
      {
        code: '/usr/share/AAVMF/AAVMF_CODE.fd',
        varsTemplate: '/usr/share/AAVMF/AAVMF_VARS.fd',
        features: [],
      },
      {
        code: '/usr/share/edk2/aarch64/QEMU_EFI-pflash.raw',
        varsTemplate: '/usr/share/edk2/aarch64/vars-template-pflash.raw',
        features: [],
      },
      ...homebrew.map((dir) => ({
        code: `${dir}/edk2-aarch64-code.fd`,
        varsTemplate: `${dir}/edk2-arm-vars.fd`,
        features: [],
      })),
    ];
  }
  return [
    {
      code: '/usr/share/OVMF/OVMF_CODE_4M.ms.fd',
      varsTemplate: '/usr/share/OVMF/OVMF_VARS_4M.ms.fd',
      features: secureEnrolledSmm,
    },
    {
      code: '/usr/share/edk2/ovmf/OVMF_CODE.secboot.fd',
      varsTemplate: '/usr/share/edk2/ovmf/OVMF_VARS.secboot.fd',
      features: secureEnrolledSmm,
    },
    {
      code: '/usr/share/OVMF/OVMF_CODE_4M.fd',
      varsTemplate: '/usr/share/OVMF/OVMF_VARS_4M.fd',
      features: [],
    },
    { code: '/usr/share/OVMF/OVMF_CODE.fd', varsTemplate: '/usr/share/OVMF/OVMF_VARS.fd', features: [] },
    {
      code: '/usr/share/edk2/ovmf/OVMF_CODE.fd',
      varsTemplate: '/usr/share/edk2/ovmf/OVMF_VARS.fd',
      features: [],
    },
    ...homebrew.map((dir) => ({
      code: `${dir}/edk2-x86_64-code.fd`,
      varsTemplate: `${dir}/edk2-i386-vars.fd`,
      features: [],
    })),
  ];
}
