import type { ResolvedVmSpec } from '@winguest/qemu-args';
import { el, text, type XmlNode } from '../_xml';
import type { LibvirtDomainOptions } from './libvirt-options';

/** libvirt's architecture and machine names for our two architectures. */
export const libvirtMachine = {
  amd64: { arch: 'x86_64', machine: 'q35' },
  arm64: { arch: 'aarch64', machine: 'virt' },
} as const;

/**
 * `<os>`: machine, firmware (by descriptor features or explicit files) and, for the stand-in guest,
 * direct kernel boot. Boot order is per device (`<boot order>`), as QEMU's `bootindex`.
 */
export function osElement(spec: ResolvedVmSpec, options: LibvirtDomainOptions): XmlNode {
  const { arch, machine } = libvirtMachine[spec.arch];
  const uefi = spec.firmware === 'uefi';
  const auto = uefi && options.firmware.type === 'auto';
  const kernel = options.kernel;
  return el(
    'os',
    { firmware: auto ? 'efi' : undefined },
    text('type', 'hvm', { arch, machine }),
    auto &&
      el(
        'firmware',
        {},
        el('feature', { enabled: spec.secureBoot ? 'yes' : 'no', name: 'secure-boot' }),
        el('feature', { enabled: spec.secureBoot ? 'yes' : 'no', name: 'enrolled-keys' }),
      ),
    ...explicitFirmware(spec, options),
    kernel && text('kernel', kernel.kernel),
    kernel?.initrd && text('initrd', kernel.initrd),
    kernel && text('cmdline', kernel.cmdline),
  );
}

function explicitFirmware(spec: ResolvedVmSpec, options: LibvirtDomainOptions): XmlNode[] {
  const firmware = options.firmware;
  if (spec.firmware !== 'uefi' || firmware.type !== 'files') return [];
  const secure = spec.secureBoot && spec.arch === 'amd64' ? 'yes' : undefined;
  const loader = text('loader', firmware.loader, { readonly: 'yes', secure, type: 'pflash' });
  if (!firmware.nvram && !firmware.nvramTemplate) return [loader];
  const nvram = firmware.nvram
    ? text('nvram', firmware.nvram, { template: firmware.nvramTemplate })
    : el('nvram', { template: firmware.nvramTemplate });
  return [loader, nvram];
}

/** Whether the domain needs SMM: Secure Boot on amd64 UEFI (the secure pflash needs it). */
export function needsSmm(spec: ResolvedVmSpec): boolean {
  return spec.arch === 'amd64' && spec.firmware === 'uefi' && spec.secureBoot;
}
