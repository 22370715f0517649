import { existsSync } from 'node:fs';
import type { FirmwareFiles } from '../qemu-host';
import {
  type DescriptorDirOptions,
  type FirmwareDescriptor,
  firmwareDescriptorDirs,
  readFirmwareDescriptors,
} from './firmware-descriptors';
import { wellKnownFirmware } from './firmware-fallbacks';
import type { GuestArch, ProbeResult } from './probe-result';

/** What the firmware must offer. */
export interface FirmwareRequirements {
  arch: GuestArch;
  /** Require the `secure-boot` feature, preferring `enrolled-keys` (Microsoft keys). */
  secureBoot: boolean;
}

/** The chosen firmware: the files `buildQemuArgs` takes, plus where they came from. */
export interface FirmwareChoice {
  firmware: FirmwareFiles & { arch: GuestArch };
  /** The descriptor file it came from, or `undefined` for a well-known fallback path. */
  descriptor?: string;
}

const qemuArch: Readonly<Record<GuestArch, { name: string; machine: string }>> = {
  amd64: { name: 'x86_64', machine: 'pc-q35-99.0' },
  arm64: { name: 'aarch64', machine: 'virt-99.0' },
};
// Confidential-computing builds boot no ordinary guest.
const unusableFeatures = ['amd-sev-es', 'amd-sev-snp', 'intel-tdx'];

/**
 * Picks UEFI firmware for pflash from descriptors (already sorted by priority): the first one for
 * the architecture and machine type with a vars template, honouring Secure Boot. With Secure Boot
 * one with enrolled keys wins; without it one that lacks Secure Boot (and SMM) wins. Pure.
 */
export function selectFirmware(
  descriptors: readonly FirmwareDescriptor[],
  wanted: FirmwareRequirements,
): FirmwareChoice | undefined {
  const { name, machine } = qemuArch[wanted.arch];
  const usable = descriptors.filter(
    (d) =>
      d.interfaceTypes.includes('uefi') &&
      d.device === 'flash' &&
      d.format === 'raw' &&
      d.code &&
      d.varsTemplate &&
      !d.features.some((f) => unusableFeatures.includes(f)) &&
      d.targets.some((t) => t.architecture === name && t.machines.some((glob) => globMatch(glob, machine))),
  );
  const secure = (d: FirmwareDescriptor) => d.features.includes('secure-boot');
  const ranked = wanted.secureBoot
    ? [...usable.filter((d) => secure(d) && d.features.includes('enrolled-keys')), ...usable.filter(secure)]
    : [...usable.filter((d) => !secure(d)), ...usable];
  const best = ranked[0];
  if (!best?.code) return undefined;
  return {
    firmware: {
      code: best.code,
      varsTemplate: best.varsTemplate,
      arch: wanted.arch,
      features: best.features,
    },
    descriptor: best.path,
  };
}

/** Options of {@link probeFirmware}. */
export interface FirmwareProbeOptions extends FirmwareRequirements, DescriptorDirOptions {
  /** Descriptor directories to search instead of {@link firmwareDescriptorDirs}. */
  dirs?: readonly string[];
  /** File existence check, injectable for tests. Default `fs.existsSync`. */
  exists?: (path: string) => boolean;
}

/**
 * Finds UEFI firmware for `arch` from QEMU's firmware descriptors, falling back to well-known
 * install paths when no descriptor matches. The chosen files must exist. Never throws.
 */
export function probeFirmware(options: FirmwareProbeOptions): ProbeResult<FirmwareChoice> {
  const exists = options.exists ?? existsSync;
  const dirs = options.dirs ?? firmwareDescriptorDirs(options);
  const descriptors = readFirmwareDescriptors(dirs).filter(
    (d) => d.code && exists(d.code) && (!d.varsTemplate || exists(d.varsTemplate)),
  );
  const chosen = selectFirmware(descriptors, options) ?? fallback(options, exists);
  if (chosen) return { available: true, ...chosen };
  const kind = options.secureBoot ? 'Secure Boot UEFI' : 'UEFI';
  return {
    available: false,
    reason: `no ${kind} firmware for ${options.arch} in descriptors under ${dirs.join(', ')} or at the usual paths (Debian: ${options.arch === 'amd64' ? 'ovmf' : 'qemu-efi-aarch64'})`,
  };
}

function fallback(
  wanted: FirmwareRequirements,
  exists: (path: string) => boolean,
): FirmwareChoice | undefined {
  const found = wellKnownFirmware(wanted.arch)
    .filter((f) => !wanted.secureBoot || f.features.includes('secure-boot'))
    .find((f) => exists(f.code) && exists(f.varsTemplate));
  return found && { firmware: { ...found, arch: wanted.arch } };
}

function globMatch(glob: string, value: string): boolean {
  const pattern = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replaceAll('*', '.*')
    .replaceAll('?', '.');
  return new RegExp(`^${pattern}$`).test(value);
}
