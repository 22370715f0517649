import type { FirmwareFiles } from '@winguest/qemu-args';
import {
  chooseAccelerator,
  type FirmwareProbeOptions,
  probeHost,
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
 * Probes QEMU, qemu-img, firmware, the accelerator and swtpm (`probeHost` of qemu-args; with
 * `cacheDir`, QEMU's version and the accelerator verdict are reused within a boot) and turns
 * what is missing for these needs into issues
 * (`host` is absent when there are any). Never throws.
 */
export async function probeVmHost(
  needs: HostNeeds,
  firmwareSearch: FirmwareSearch = {},
  cacheDir?: string,
): Promise<{ host?: VmHost; issues: PreflightIssue[] }> {
  const issues: PreflightIssue[] = [];
  const probed = await probeHost({
    arch: needs.arch,
    secureBoot: needs.secureBoot,
    tpm: needs.tpm,
    accelerator: needs.accelerator !== 'tcg',
    firmwareSearch,
    ...(cacheDir ? { cacheDir } : {}),
  });
  const { qemu, qemuImg } = probed;
  if (!qemu.available) issues.push({ code: 'qemu-missing', path: 'arch', message: qemu.reason });
  if (!qemuImg) {
    issues.push({
      code: 'qemu-img-missing',
      path: 'disk',
      message: 'qemu-img not found on PATH; install qemu-utils (Debian) or qemu (Homebrew).',
    });
  }
  let firmware: FirmwareFiles | undefined;
  if (needs.firmware === 'uefi') {
    if (probed.firmware.available) firmware = probed.firmware.firmware;
    else issues.push({ code: 'firmware-missing', path: 'firmware', message: probed.firmware.reason });
  }
  let swtpm: string | undefined;
  if (probed.swtpm?.available) swtpm = probed.swtpm.path;
  else if (probed.swtpm) issues.push({ code: 'swtpm-missing', path: 'tpm', message: probed.swtpm.reason });
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
  if (probed.accelerator) {
    const picked = chooseAccelerator(needs, probed.accelerator);
    accelerator = picked.accelerator;
    notes.push(...picked.notes);
    if (picked.problem)
      issues.push({ code: 'accelerator-unavailable', path: 'accelerator', message: picked.problem });
  }
  if (!qemu.available || !qemuImg || issues.length > 0) return { issues };
  return { host: { qemu: qemu.path, qemuImg, accelerator, firmware, swtpm, virtiofsd, notes }, issues };
}
