import { qemuOption } from './_qemu-option';
import type { BuildContext } from './_resolved';
import { sharedMemoryMachineProps } from './share-args';

/**
 * Hyper-V enlightenments Windows uses when it runs on KVM (hv-stimer needs hv-synic and hv-time;
 * hv-synic needs hv-vpindex). They are KVM features; other accelerators get none.
 */
export const hypervEnlightenments = [
  'hv-relaxed',
  'hv-vapic',
  'hv-spinlocks=0x1fff',
  'hv-vpindex',
  'hv-runtime',
  'hv-time',
  'hv-synic',
  'hv-stimer',
  'hv-frequencies',
  'hv-reset',
  'hv-tlbflush',
  'hv-ipi',
] as const;

/** `-machine`, `-accel`, `-cpu`, `-smp`, `-m` and clock (the firmware drives: {@link firmwareArgs}). */
export function machineArgs(ctx: BuildContext): string[] {
  const { spec, host } = ctx;
  return [
    '-machine',
    machineOption(ctx),
    '-accel',
    host.accelerator,
    '-cpu',
    cpuModel(ctx),
    '-smp',
    String(spec.cpus),
    '-m',
    String(spec.memoryMiB),
    '-rtc',
    'base=localtime',
  ];
}

function requiresSmm({ spec, host }: BuildContext): boolean {
  return (
    spec.arch === 'amd64' && spec.firmware === 'uefi' && !!host.firmware?.features.includes('requires-smm')
  );
}

function machineOption(ctx: BuildContext): string {
  const { spec } = ctx;
  const memory = sharedMemoryMachineProps(ctx);
  if (spec.arch === 'arm64')
    return qemuOption('virt', { 'gic-version': spec.cpus > 8 ? 3 : undefined, ...memory });
  return qemuOption('q35', { smm: requiresSmm(ctx) ? true : undefined, ...memory });
}

function cpuModel({ spec, host }: BuildContext): string {
  if (host.accelerator === 'tcg') return spec.arch === 'arm64' ? 'max,pauth-impdef=on' : 'max';
  if (host.accelerator === 'kvm' && spec.arch === 'amd64') return ['host', ...hypervEnlightenments].join(',');
  return 'host';
}

/**
 * The UEFI pflash drives (code read-only, the VM's vars store). They must come after the system
 * disk's `-drive`: `savevm`/`loadvm` keep the memory state in the first snapshot-capable drive QEMU
 * created, and with qcow2 vars that would otherwise be the vars file instead of the disk.
 */
export function firmwareArgs(ctx: BuildContext): string[] {
  const { spec, host } = ctx;
  if (spec.firmware !== 'uefi' || !host.firmware || !host.varsPath) return [];
  const pflash = (unit: number, file: string, format: string, readonly?: boolean) =>
    qemuOption('', { if: 'pflash', format, unit, readonly, file });
  const secureFlash = requiresSmm(ctx) ? ['-global', 'driver=cfi.pflash01,property=secure,value=on'] : [];
  return [
    ...secureFlash,
    '-drive',
    pflash(0, host.firmware.code, 'raw', true),
    '-drive',
    pflash(1, host.varsPath, host.varsFormat),
  ];
}
