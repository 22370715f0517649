import { existsSync } from 'node:fs';
import { platform } from 'node:os';
import type { FirmwareFiles } from '@winguest/qemu-args';
import type { Config } from '../config/config-schema';

export interface QemuHostFacts {
  facts: {
    binary: string;
    accelerator: 'kvm' | 'hvf' | 'whpx' | 'tcg';
    firmware: FirmwareFiles | undefined;
  };
  acceleratorNote: string;
  warnings: string[];
}

const defaultBinary = { amd64: 'qemu-system-x86_64', arm64: 'qemu-system-aarch64' } as const;

/**
 * The quick host facts a command file needs: the QEMU binary (by `--version`) and firmware (from
 * QEMU's descriptors). The accelerator is the platform's usual one, not proven: proving it boots a
 * test guest, which is `winguest doctor`'s and `winguest up`'s job.
 */
export async function probeQemuHost(
  arch: 'amd64' | 'arm64',
  config: Config,
  env: NodeJS.ProcessEnv,
): Promise<QemuHostFacts> {
  const { probeFirmware, probeQemu } = await import('@winguest/qemu-args/probe');
  const warnings: string[] = [];
  const qemu = await probeQemu(arch, { env });
  if (!qemu.available)
    warnings.push(
      `QEMU for ${arch} not found (${qemu.reason}); the command file names ${defaultBinary[arch]}`,
    );
  let firmware: FirmwareFiles | undefined;
  if (config.firmware === 'uefi') {
    const found = probeFirmware({
      arch,
      secureBoot: config.vm.secureBoot,
      env,
      ...(qemu.available ? { qemuPath: qemu.path } : {}),
    });
    if (found.available) firmware = found.firmware;
    else
      warnings.push(
        `no UEFI firmware found for ${arch} (${found.reason}); install ovmf / qemu-efi-aarch64 and build again`,
      );
  }
  const os = platform();
  const usual =
    os === 'linux' && existsSync('/dev/kvm')
      ? 'kvm'
      : os === 'darwin'
        ? 'hvf'
        : os === 'win32'
          ? 'whpx'
          : 'tcg';
  const accelerator = config.vm.accelerator === 'auto' ? usual : config.vm.accelerator;
  return {
    facts: {
      binary: qemu.available ? qemu.path : defaultBinary[arch],
      accelerator,
      firmware: firmware ?? (config.firmware === 'uefi' ? { code: 'OVMF_CODE.fd', features: [] } : undefined),
    },
    acceleratorNote:
      accelerator === 'tcg'
        ? 'tcg (software emulation; installs take hours)'
        : config.vm.accelerator === 'auto'
          ? `${accelerator} (assumed for this OS; \`winguest doctor\` checks that it really works)`
          : `${accelerator} (configured)`,
    warnings,
  };
}
