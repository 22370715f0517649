import type { DebianArch } from './apt.ts';
import { StandinGuestError } from './errors.ts';

/** Modules both architectures load: disks, CD-ROMs and NICs of the virtio/NVMe sets, virtio-serial (the agent's port), ISO 9660/Joliet, virtio-fs, evdev. */
const commonModules = [
  'sd_mod',
  'sr_mod',
  'virtio_pci',
  'virtio_blk',
  'virtio_scsi',
  'nvme',
  'isofs',
  'nls_utf8',
  'virtio_net',
  'virtio_console',
  'virtiofs',
] as const;

/**
 * The SMB client, to mount QEMU's user-network SMB share (`smb=`, `//10.0.2.4/qemu`) as Windows maps
 * it. There is no modprobe in the guest, so the algorithms SMB 3 asks the kernel for at session set-up
 * (cmac(aes) signing keys, sha512 pre-auth integrity; ccm/gcm with ctr for encryption) are loaded
 * up front: cifs' soft dependencies.
 */
const smbClientModules = ['cifs', 'cmac', 'sha512_generic', 'ctr', 'ccm', 'gcm'] as const;

/**
 * The kernel modules the guest loads, by name, per architecture: everything the device sets of
 * `@winguest/qemu-args` attach — amd64: AHCI and IDE CD-ROMs and disks, e1000e, e1000; arm64: xhci
 * with USB mass storage (every ISO is a usb-storage CD-ROM there) — plus the common virtio and NVMe
 * devices, the ISO 9660/Joliet driver with UTF-8 names, virtio-fs, and the ACPI power button with
 * evdev so `system_powerdown` reaches the guest; amd64 also the SMB client. Dependencies come from modules.dep.
 */
export const guestModules: Readonly<Record<DebianArch, readonly string[]>> = {
  amd64: ['ahci', 'ata_piix', ...commonModules, 'e1000e', 'e1000', 'button', 'evdev', ...smbClientModules],
  arm64: ['xhci_pci', 'usb_storage', ...commonModules, 'button', 'evdev'],
};

/**
 * Module parameters given to insmod. SCSI scanning is synchronous so disks exist when insmod
 * returns; USB mass storage is scanned at once instead of after usb-storage's one-second delay.
 */
export const guestModuleParameters: Readonly<Record<string, string>> = {
  scsi_mod: 'scan=sync',
  usb_storage: 'delay_use=0',
};

/** One module to load: its path relative to `/lib/modules/<version>/` and its insmod parameters. */
export interface ModuleLoad {
  path: string;
  parameters: string;
}

/** The name the kernel knows a module by: file name without `.ko[.xz|.zst|.gz]`, `-` read as `_`. */
export function moduleName(path: string): string {
  const file = path.slice(path.lastIndexOf('/') + 1);
  return file.replace(/\.ko(\.(xz|zst|gz))?$/, '').replaceAll('-', '_');
}

/** Parses modules.dep (`kernel/a.ko: kernel/b.ko kernel/c.ko`) into path → dependency paths. */
export function parseModulesDep(text: string): Map<string, string[]> {
  const deps = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const rest = line.slice(colon + 1).trim();
    deps.set(line.slice(0, colon).trim(), rest === '' ? [] : rest.split(/\s+/));
  }
  return deps;
}

/**
 * Orders the modules to insmod so every dependency comes before its users. Modules built into the
 * kernel (listed in modules.builtin) need no loading; a name that is neither is an error.
 */
export function resolveModuleLoads(
  wanted: readonly string[],
  modulesDep: string,
  modulesBuiltin: string,
  parameters: Readonly<Record<string, string>> = guestModuleParameters,
): ModuleLoad[] {
  const deps = parseModulesDep(modulesDep);
  const byName = new Map([...deps.keys()].map((path) => [moduleName(path), path]));
  const builtin = new Set(modulesBuiltin.split('\n').filter(Boolean).map(moduleName));
  const missing = wanted.filter((name) => !byName.has(name) && !builtin.has(name));
  if (missing.length > 0) {
    throw new StandinGuestError(
      'module-not-found',
      `Kernel modules ${missing.join(', ')} are neither in modules.dep nor built in; check the kernel package.`,
    );
  }
  const order: string[] = [];
  const visit = (path: string) => {
    if (order.includes(path)) return;
    for (const dep of deps.get(path) ?? []) visit(dep);
    order.push(path);
  };
  for (const name of wanted) {
    const path = byName.get(name);
    if (path) visit(path);
  }
  return order.map((path) => ({ path, parameters: parameters[moduleName(path)] ?? '' }));
}
