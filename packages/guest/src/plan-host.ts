import type { FirmwareFiles } from '@winguest/qemu-args';
import {
  type AcceleratorChoice,
  chooseAccelerator,
  type HostProbe,
  qemuBinaryNames,
} from '@winguest/qemu-args/probe';
import type { Guest } from './guest-schema';

/** The host half of a QEMU command for one guest, decided from probed facts. */
export interface HostPlan {
  binary: string;
  accelerator: 'kvm' | 'hvf' | 'whpx' | 'tcg';
  firmware: FirmwareFiles | undefined;
  /** One line on the accelerator, for summaries. */
  acceleratorNote: string;
  /** What the user should know: missing QEMU or firmware, a foreign-architecture guest, … */
  warnings: string[];
}

/**
 * Decides binary, accelerator and firmware for `guest` on a host `probeHost` described for the
 * guest's architecture. A guest of another architecture than the host CPU runs under TCG (with a
 * warning), never KVM/HVF; a missing QEMU or firmware is a warning and a conventional name. Pure.
 */
export function planHost(guest: Guest, arch: 'amd64' | 'arm64', host: HostProbe): HostPlan {
  const warnings: string[] = [];
  if (!host.qemu.available)
    warnings.push(
      `QEMU for ${arch} not found (${host.qemu.reason}); the command names ${qemuBinaryNames[arch]}`,
    );
  let firmware: FirmwareFiles | undefined;
  if (guest.firmware === 'uefi') {
    if (host.firmware.available) firmware = host.firmware.firmware;
    else {
      warnings.push(
        `no UEFI firmware found for ${arch} (${host.firmware.reason}); install ovmf / qemu-efi-aarch64 and build again`,
      );
      firmware = { code: arch === 'arm64' ? 'AAVMF_CODE.fd' : 'OVMF_CODE.fd', features: [] };
    }
  }
  const choice: AcceleratorChoice = host.accelerator ?? {
    accelerator: 'tcg',
    smm: arch === 'amd64',
    reason: host.qemu.available
      ? 'no accelerator was tested'
      : 'QEMU was not found, so no accelerator was tested',
  };
  const decision = chooseAccelerator(guest.vm, choice);
  if (decision.problem) warnings.push(decision.problem);
  else if (choice.foreignArch) warnings.push(`${arch} guest under TCG (slow): ${choice.reason}`);
  const why =
    decision.notes[0] ?? (guest.vm.accelerator === 'auto' ? 'tested with a tiny guest' : 'configured');
  return {
    binary: host.qemu.available ? host.qemu.path : qemuBinaryNames[arch],
    accelerator: decision.accelerator,
    firmware,
    acceleratorNote:
      decision.accelerator === 'tcg'
        ? `tcg (software emulation; installs take hours)${decision.notes[0] ? `: ${decision.notes[0]}` : ''}`
        : `${decision.accelerator} (${why})`,
    warnings,
  };
}
