import { sharedFolderTag } from '../checks/shared-folder-check.ts';
import type { Scenario } from './scenario-schema.ts';

/** Host files and the stand-in's kernel, resolved by the caller. */
export interface ConfigInputs {
  drivers?: string | undefined;
  opensshMsi?: string | undefined;
  /** WinFsp for a Windows scenario's virtio-fs shared folder. */
  winfspMsi?: string | undefined;
  /** Direct kernel boot (the amd64 stand-in guest). */
  kernel?: { kernel: string; initrd: string; append: string } | undefined;
  /** EFI boot media booted from the firmware (the arm64 stand-in guest). */
  bootIso?: string | undefined;
  /** The host folder shared with the guest, for scenarios with `options.sharedFolder`. */
  sharedFolder?: string | undefined;
}

/**
 * The `winguest.yaml` (as data) for a scenario: the CLI stays the only place where config becomes
 * answer file, provisioning and media. The install ISO is given to the CLI as `--iso`.
 */
export function scenarioConfig(scenario: Scenario, inputs: ConfigInputs): Record<string, unknown> {
  const { options, expect } = scenario;
  const share = options.sharedFolder && inputs.sharedFolder;
  return {
    ...(share
      ? {
          shares: [{ hostPath: share, tag: sharedFolderTag, driveLetter: options.sharedFolder?.driveLetter }],
        }
      : {}),
    family: scenario.family,
    arch: scenario.arch,
    firmware: scenario.firmware,
    ...(scenario.edition ? { edition: scenario.edition } : {}),
    computerName: expect.computerName,
    timeZone: expect.timeZone,
    uiLanguage: expect.locale,
    user: { name: expect.user },
    ssh: { strategy: options.openssh },
    ...(options.bypassHardwareChecks === undefined
      ? {}
      : { bypassHardwareChecks: options.bypassHardwareChecks }),
    media: {
      ...(inputs.drivers ? { drivers: inputs.drivers } : {}),
      ...(inputs.opensshMsi ? { opensshMsi: inputs.opensshMsi } : {}),
      ...(inputs.winfspMsi ? { winfspMsi: inputs.winfspMsi } : {}),
    },
    vm: {
      cpus: options.cpus,
      memoryMiB: options.memoryMiB,
      disk: { sizeGiB: options.diskGiB, ...(virtioDisk(scenario) ? { bus: 'virtio-blk' } : {}) },
      ...(options.devices === 'virtio' ? { network: { model: 'virtio-net' } } : {}),
      secureBoot: options.secureBoot,
      tpm: options.tpm,
      ...(inputs.kernel
        ? {
            kernel: {
              kernel: inputs.kernel.kernel,
              initrd: inputs.kernel.initrd,
              // The stand-in mounts the tags named on its command line, as Windows mounts the shares.
              append: share
                ? `${inputs.kernel.append} winguest.shares=${sharedFolderTag}`
                : inputs.kernel.append,
            },
          }
        : {}),
      ...(inputs.bootIso ? { bootIso: inputs.bootIso } : {}),
    },
  };
}

/**
 * `devices: virtio` is virtio-net with NetKVM, and on amd64 a virtio-blk disk with viostor, both
 * staged from the virtio-win ISO into $WinPEDriver$ (arm64 keeps its NVMe disk, in-box there).
 */
function virtioDisk(scenario: Scenario): boolean {
  return scenario.options.devices === 'virtio' && scenario.arch !== 'arm64';
}
