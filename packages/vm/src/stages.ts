/**
 * The stages of an install, in order. A boot of an installed instance goes `firmware → boot → ready`.
 * `provisioning` spans the first-logon script's steps (each reported as a `step` event).
 */
export const stages = [
  'firmware',
  'setup',
  'applying-image',
  'specialize',
  'oobe',
  'first-logon',
  'provisioning',
  'boot',
  'ready',
] as const;

/** An install or boot stage. */
export type Stage = (typeof stages)[number];

/** Position of a stage in {@link stages}; stages only move forward. */
export function stageIndex(stage: Stage): number {
  return stages.indexOf(stage);
}

/** `WINGUEST <name> …` names that are stages rather than provisioning steps (Setup's pass names too). */
const stageNames: Readonly<Record<string, Stage>> = {
  windowsPE: 'setup',
  setup: 'setup',
  'applying-image': 'applying-image',
  specialize: 'specialize',
  oobe: 'oobe',
  oobeSystem: 'oobe',
  'first-logon': 'first-logon',
};

/** The stage a progress line's name stands for, or undefined for a provisioning step. */
export function stageOfProgressName(name: string): Stage | undefined {
  return Object.hasOwn(stageNames, name) ? stageNames[name] : undefined;
}

/**
 * The stage Windows Setup is in after `resets` reboots, for guests that print no progress lines:
 * windowsPE (setup, applying the image) → reboot → specialize → reboot → OOBE.
 */
export function stageAfterResets(resets: number): Stage {
  if (resets <= 0) return 'setup';
  return resets === 1 ? 'specialize' : 'oobe';
}

/** A firmware boot line on the serial console: which device the firmware loads or starts. */
export interface FirmwareBootLine {
  action: 'loading' | 'starting' | 'failed';
  /** The boot option's description, e.g. `UEFI QEMU DVD-ROM QM00005`. */
  device: string;
}

const bdsLine = /BdsDxe: (loading|starting|failed to load) Boot[0-9A-Fa-f]{4} "([^"]*)"/;

/** Parses OVMF/AAVMF's `BdsDxe: loading|starting|failed to load BootXXXX "…"` lines. */
export function parseFirmwareLine(line: string): FirmwareBootLine | undefined {
  const match = bdsLine.exec(line);
  if (!match) return undefined;
  const action = match[1] === 'failed to load' ? 'failed' : (match[1] as 'loading' | 'starting');
  return { action, device: (match[2] ?? '').trim() };
}

/**
 * Whether a boot option is the install media: an optical drive (amd64: `UEFI QEMU DVD-ROM …`) or
 * USB mass storage (arm64, where every ISO is a usb-storage device: `UEFI QEMU QEMU USB HARDDRIVE …`).
 */
export function isInstallMediaDevice(device: string): boolean {
  return /DVD|CD-?ROM|USB/i.test(device);
}
