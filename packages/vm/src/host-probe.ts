import type { FirmwareFiles } from '@winguest/qemu-args';
import {
  type AcceleratorChoice,
  type FirmwareProbeOptions,
  findExecutable,
  probeAccelerator,
  probeFirmware,
  probeQemu,
  probeSwtpm,
  probeVirtiofsd,
  type Virtiofsd,
} from '@winguest/qemu-args/probe';
import type { PreflightIssue } from './errors';
import type { UpOptions } from './up-options';

/** The host facts a boot needs, probed once (pass it to `up`/`start` to reuse a probe). */
export interface VmHost {
  qemu: string;
  qemuImg: string;
  accelerator: 'kvm' | 'hvf' | 'whpx' | 'tcg';
  firmware?: FirmwareFiles;
  swtpm?: string;
  /** virtiofsd, probed when the instance shares folders. */
  virtiofsd?: Virtiofsd;
  /** Why the accelerator is what it is, when it is not the platform's. */
  notes: string[];
}

type HostNeeds = Pick<UpOptions, 'arch' | 'firmware' | 'secureBoot' | 'tpm' | 'accelerator'> &
  Partial<Pick<UpOptions, 'shares'>>;

/** Where firmware is looked for (default: QEMU's descriptor directories and well-known paths). */
export type FirmwareSearch = Pick<FirmwareProbeOptions, 'dirs' | 'exists'>;

/**
 * Probes QEMU, qemu-img, firmware, the accelerator and swtpm; problems come back as issues
 * (`host` is absent when there are any). Never throws.
 */
export async function probeVmHost(
  needs: HostNeeds,
  firmwareSearch: FirmwareSearch = {},
): Promise<{ host?: VmHost; issues: PreflightIssue[] }> {
  const issues: PreflightIssue[] = [];
  const qemu = await probeQemu(needs.arch);
  if (!qemu.available) issues.push({ code: 'qemu-missing', path: 'arch', message: qemu.reason });
  const qemuImg = findExecutable('qemu-img');
  if (!qemuImg) {
    issues.push({
      code: 'qemu-img-missing',
      path: 'disk',
      message: 'qemu-img not found on PATH; install qemu-utils (Debian) or qemu (Homebrew).',
    });
  }
  let firmware: FirmwareFiles | undefined;
  if (needs.firmware === 'uefi') {
    const found = probeFirmware({
      ...firmwareSearch,
      arch: needs.arch,
      secureBoot: needs.secureBoot,
      qemuPath: qemu.available ? qemu.path : undefined,
    });
    if (found.available) firmware = found.firmware;
    else issues.push({ code: 'firmware-missing', path: 'firmware', message: found.reason });
  }
  let swtpm: string | undefined;
  if (needs.tpm) {
    const found = await probeSwtpm();
    if (found.available) swtpm = found.path;
    else issues.push({ code: 'swtpm-missing', path: 'tpm', message: found.reason });
  }
  let virtiofsd: Virtiofsd | undefined;
  if (needs.shares?.length) {
    const found = await probeVirtiofsd({ qemuPath: qemu.available ? qemu.path : undefined });
    if (found.available) virtiofsd = found;
    else
      issues.push({
        code: 'virtiofsd-missing',
        path: 'shares',
        message: `${found.reason}; share with smbShare instead.`,
      });
  }
  const notes: string[] = [];
  let accelerator: VmHost['accelerator'] = 'tcg';
  if (qemu.available && needs.accelerator !== 'tcg') {
    const choice = await probeAccelerator({ arch: needs.arch, qemuPath: qemu.path });
    const picked = pickAccelerator(needs, choice);
    accelerator = picked.accelerator;
    notes.push(...picked.notes);
    if (picked.issue) issues.push(picked.issue);
  }
  if (!qemu.available || !qemuImg || issues.length > 0) return { issues };
  return { host: { qemu: qemu.path, qemuImg, accelerator, firmware, swtpm, virtiofsd, notes }, issues };
}

/**
 * The accelerator to use: the probed one for `auto`, the requested one when it works. Secure Boot
 * firmware needs SMM; when the accelerator lacks it, TCG is used instead (with a note).
 */
export function pickAccelerator(
  needs: HostNeeds,
  choice: AcceleratorChoice,
): { accelerator: VmHost['accelerator']; notes: string[]; issue?: PreflightIssue } {
  const notes: string[] = [];
  if (needs.accelerator !== 'auto' && needs.accelerator !== choice.accelerator) {
    const why = choice.reason ?? `${choice.accelerator} is what works here`;
    return {
      accelerator: 'tcg',
      notes,
      issue: {
        code: 'accelerator-unavailable',
        path: 'accelerator',
        message: `${needs.accelerator} was asked for but does not work: ${why}. Use accelerator "auto" or "tcg".`,
      },
    };
  }
  if (choice.reason) notes.push(`using TCG (slow): ${choice.reason}`);
  if (needs.secureBoot && choice.accelerator !== 'tcg' && !choice.smm) {
    notes.push(`Secure Boot firmware needs SMM, which ${choice.accelerator} lacks here; using TCG instead`);
    return { accelerator: 'tcg', notes };
  }
  return { accelerator: choice.accelerator, notes };
}
