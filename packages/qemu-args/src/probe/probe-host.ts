import { type AcceleratorChoice, probeAccelerator } from './accelerator';
import { type FirmwareChoice, probeFirmware } from './firmware';
import type { GuestArch, ProbeResult } from './probe-result';
import { probeQemu, type QemuBinary } from './qemu-binary';
import type { CommandRunner } from './run-command';
import { probeSwtpm, type SwtpmBinary } from './swtpm';

/** Options of {@link probeHost}. */
export interface HostProbeOptions {
  arch: GuestArch;
  /** Look for Secure Boot firmware. */
  secureBoot: boolean;
  /** Also look for swtpm. Default true. */
  tpm?: boolean;
  /** Test the hardware accelerator with a tiny guest. Default true; false when TCG is forced. */
  accelerator?: boolean;
  env?: Record<string, string | undefined>;
  runner?: CommandRunner;
}

/** Everything the host offers for one guest architecture. Each part is data, failures included. */
export interface HostProbe {
  qemu: ProbeResult<QemuBinary>;
  firmware: ProbeResult<FirmwareChoice>;
  /** Absent when QEMU itself was not found. */
  accelerator?: AcceleratorChoice;
  swtpm?: ProbeResult<SwtpmBinary>;
}

/** Runs every probe for `arch`: QEMU, firmware, accelerator (a test guest), swtpm. Never throws. */
export async function probeHost(options: HostProbeOptions): Promise<HostProbe> {
  const { arch, env, runner } = options;
  const qemu = await probeQemu(arch, { env, runner });
  const qemuPath = qemu.available ? qemu.path : undefined;
  const firmware = probeFirmware({ arch, secureBoot: options.secureBoot, env, qemuPath });
  const accelerator =
    qemuPath && options.accelerator !== false
      ? await probeAccelerator({ arch, qemuPath, runner })
      : undefined;
  const swtpm = options.tpm === false ? undefined : await probeSwtpm({ env, runner });
  return { qemu, firmware, accelerator, swtpm };
}
