import { findExecutable } from '@winguest/shell';
import { probeQemuImg, withBinDirs } from './_bin-dirs';
import { type AcceleratorChoice, probeAccelerator } from './accelerator';
import { type FirmwareChoice, type FirmwareProbeOptions, probeFirmware } from './firmware';
import { type GuestArch, type ProbeResult, qemuBinaryNames } from './probe-result';
import { probeQemu, type QemuBinary } from './qemu-binary';
import type { CommandRunner } from './run-command';
import { probeSwtpm, type SwtpmBinary } from './swtpm';
import { bootIdentity, cachedVerdict, fileIdentity } from './verdict-cache';

/** Options of {@link probeHost}. */
export interface HostProbeOptions {
  arch: GuestArch;
  /** Look for Secure Boot firmware. */
  secureBoot: boolean;
  /** Also look for swtpm. Default true. */
  tpm?: boolean;
  /** Test the hardware accelerator with a tiny guest. Default true; false when TCG is forced. */
  accelerator?: boolean;
  /** Where firmware is looked for (default: QEMU's descriptor directories and well-known paths). */
  firmwareSearch?: Pick<FirmwareProbeOptions, 'dirs' | 'exists'>;
  env?: Record<string, string | undefined>;
  runner?: CommandRunner;
  /**
   * Keep the QEMU version and the accelerator verdict in this directory (e.g.
   * `defaultProbeCacheDir()`), keyed by the QEMU binary's identity, this boot and the KVM device's
   * identity, so later commands skip the test guest. Default: no cache, always probe.
   */
  cacheDir?: string;
}

/** Everything the host offers for one guest architecture. Each part is data, failures included. */
export interface HostProbe {
  qemu: ProbeResult<QemuBinary>;
  firmware: ProbeResult<FirmwareChoice>;
  /** Absent when QEMU itself was not found, or the accelerator was not to be tested. */
  accelerator?: AcceleratorChoice;
  swtpm?: ProbeResult<SwtpmBinary>;
  /** `qemu-img`, which creates disks; absent when not found. */
  qemuImg?: string;
}

/**
 * Runs every probe for `arch`: QEMU, qemu-img, firmware, accelerator (a test guest), swtpm. The one
 * place host facts are gathered; callers pass the result on as data. Never throws.
 */
export async function probeHost(options: HostProbeOptions): Promise<HostProbe> {
  const { arch, env, runner, cacheDir } = options;
  const cached = <T>(what: string, key: string, compute: () => Promise<T>) =>
    cacheDir ? cachedVerdict(cacheDir, `${what} ${arch} ${key} ${bootIdentity()}`, compute) : compute();
  const qemuKey = fileIdentity(findExecutable(qemuBinaryNames[arch], withBinDirs({ env })) ?? '-');
  const qemu = await cached('qemu', qemuKey, () => probeQemu(arch, { env, runner }));
  const qemuPath = qemu.available ? qemu.path : undefined;
  const firmware = probeFirmware({
    ...options.firmwareSearch,
    arch,
    secureBoot: options.secureBoot,
    env,
    qemuPath,
  });
  const accelerator =
    qemuPath && options.accelerator !== false
      ? await cached('accelerator', `${qemuKey} ${fileIdentity('/dev/kvm')}`, () =>
          probeAccelerator({ arch, qemuPath, runner }),
        )
      : undefined;
  const swtpm = options.tpm === false ? undefined : await probeSwtpm({ env, runner });
  const qemuImg = probeQemuImg(env);
  return { qemu, firmware, accelerator, swtpm, ...(qemuImg ? { qemuImg } : {}) };
}
