import { readFileSync } from 'node:fs';
import { delimiter } from 'node:path';
import { type DescriptorDirOptions, descriptorFiles, qemuDescriptorDirs } from './descriptor-dirs';

/** One firmware descriptor file (QEMU's `docs/interop/firmware.json` format), reduced to what we use. */
export interface FirmwareDescriptor {
  /** The descriptor file. */
  path: string;
  description: string;
  /** e.g. `["uefi"]`, `["bios"]`. */
  interfaceTypes: string[];
  /** `flash`, `memory` or `kernel`. */
  device: string;
  /** Code image (`mapping.executable.filename`). */
  code?: string;
  /** Vars template (`mapping.nvram-template.filename`). */
  varsTemplate?: string;
  /** Image format, `raw` or `qcow2`. */
  format: string;
  /** Architectures (`x86_64`, `aarch64`) and machine globs (`pc-q35-*`, `virt-*`). */
  targets: Array<{ architecture: string; machines: string[] }>;
  features: string[];
}

export type { DescriptorDirOptions } from './descriptor-dirs';

/**
 * The directories that hold firmware descriptors, highest priority first: `QEMU_FIRMWARE_PATH`,
 * the user's `$XDG_CONFIG_HOME/qemu/firmware`, `/etc/qemu/firmware`, `/usr/share/qemu/firmware`,
 * the share directory next to the QEMU binary, then Homebrew's and MacPorts'.
 */
export function firmwareDescriptorDirs(options: DescriptorDirOptions = {}): string[] {
  const env = options.env ?? process.env;
  return qemuDescriptorDirs('firmware', options, (env.QEMU_FIRMWARE_PATH ?? '').split(delimiter));
}

/**
 * Reads every `*.json` descriptor in `dirs`. As in QEMU and libvirt, a file name in an earlier
 * directory hides the same name in later ones, and the result is sorted by file name (which is how
 * descriptors express priority: `40-…` before `60-…`). Unreadable or malformed files are skipped.
 */
export function readFirmwareDescriptors(dirs: readonly string[]): FirmwareDescriptor[] {
  return descriptorFiles(dirs).flatMap((path) => parseDescriptor(path) ?? []);
}

/** Parses one descriptor file; undefined when it cannot be read or is not a descriptor. */
export function parseDescriptor(path: string): FirmwareDescriptor | undefined {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const mapping = (json.mapping ?? {}) as Record<
    string,
    { filename?: string; format?: string } | string | undefined
  >;
  const executable = mapping.executable as { filename?: string; format?: string } | undefined;
  const nvram = mapping['nvram-template'] as { filename?: string } | undefined;
  if (!Array.isArray(json['interface-types']) || typeof mapping.device !== 'string') return undefined;
  return {
    path,
    description: String(json.description ?? ''),
    interfaceTypes: json['interface-types'] as string[],
    device: mapping.device,
    code: executable?.filename,
    varsTemplate: nvram?.filename,
    format: executable?.format ?? 'raw',
    targets: (json.targets ?? []) as FirmwareDescriptor['targets'],
    features: (json.features ?? []) as string[],
  };
}
