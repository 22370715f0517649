/** The Windows releases winguest installs, as the guest description names them. */
export type WindowsFamily = 'windows10' | 'windows11' | 'server2022' | 'server2025';

/** The guest architectures winguest installs. */
export type DriverArch = 'amd64' | 'arm64';

/**
 * virtio-win's per-release folder names (`viostor/<os>/<arch>`). Windows 11 and Server 2025 have
 * their own builds (`w11`, `2k25`); Windows 10 and Server 2022 share the Windows 10 build under their
 * own names (`w10`, `2k22`).
 */
export const virtioWinOsFolders: Readonly<Record<WindowsFamily, string>> = {
  windows10: 'w10',
  windows11: 'w11',
  server2022: '2k22',
  server2025: '2k25',
};

/** virtio-win's architecture folder names: `amd64`, and `ARM64` in capitals. */
export const virtioWinArchFolders: Readonly<Record<DriverArch, string>> = {
  amd64: 'amd64',
  arm64: 'ARM64',
};

/** When Windows needs a driver: during Setup (to see the disk, the network) or after it. */
export type DriverStage = 'setup' | 'post-install';

/** A driver folder of virtio-win, the INF inside it and the QEMU device it drives. */
export interface VirtioWinDriver {
  /** Top-level folder on the media, e.g. `viostor`, `NetKVM`. */
  folder: string;
  /** The INF file in each `<folder>/<os>/<arch>`. */
  inf: string;
  /** What it drives, for messages. */
  device: string;
  stage: DriverStage;
}

/** The drivers winguest knows, Setup-time ones first. */
export const virtioWinDrivers: readonly VirtioWinDriver[] = [
  { folder: 'viostor', inf: 'viostor.inf', device: 'virtio-blk disk', stage: 'setup' },
  { folder: 'vioscsi', inf: 'vioscsi.inf', device: 'virtio-scsi disk', stage: 'setup' },
  { folder: 'NetKVM', inf: 'netkvm.inf', device: 'virtio-net NIC', stage: 'setup' },
  {
    folder: 'vioserial',
    inf: 'vioser.inf',
    device: 'virtio-serial (guest agent channel)',
    stage: 'post-install',
  },
  { folder: 'Balloon', inf: 'balloon.inf', device: 'virtio-balloon', stage: 'post-install' },
  { folder: 'viorng', inf: 'viorng.inf', device: 'virtio-rng', stage: 'post-install' },
  { folder: 'vioinput', inf: 'vioinput.inf', device: 'virtio-input', stage: 'post-install' },
  { folder: 'viofs', inf: 'viofs.inf', device: 'virtio-fs (shared folders)', stage: 'post-install' },
  { folder: 'pvpanic', inf: 'pvpanic.inf', device: 'pvpanic', stage: 'post-install' },
  { folder: 'qemufwcfg', inf: 'qemufwcfg.inf', device: 'QEMU fw_cfg', stage: 'post-install' },
];

/** The guest-agent MSI inside virtio-win per architecture; virtio-win ships none for ARM64. */
export const guestAgentMsiPaths: Readonly<Record<DriverArch, string | undefined>> = {
  amd64: 'guest-agent/qemu-ga-x86_64.msi',
  arm64: undefined,
};

/** The guest-tools MSI (all drivers + agents) per architecture; none for ARM64. */
export const guestToolsMsiPaths: Readonly<Record<DriverArch, string | undefined>> = {
  amd64: 'virtio-win-gt-x64.msi',
  arm64: undefined,
};

/** virtio-win's folder for one driver, release and architecture, e.g. `viostor/2k25/amd64`. */
export function virtioWinFolder(driver: string, family: WindowsFamily, arch: DriverArch): string {
  return `${driver}/${virtioWinOsFolders[family]}/${virtioWinArchFolders[arch]}`;
}

/** Devices the guest description can ask for that need a virtio-win driver. */
export interface VirtioDevices {
  /** Disk bus: `virtio-blk` needs viostor, `virtio-scsi` vioscsi; `sata`/`ahci`/`nvme` are in-box. */
  diskBus?: string;
  /** NIC model: `virtio-net` needs NetKVM; `e1000e` is in-box on amd64. */
  networkModel?: string;
  /** A guest agent on virtio-serial needs vioserial. */
  guestAgent?: boolean;
}

/** The driver folders the chosen devices cannot work without (empty for in-box devices). */
export function requiredDrivers(devices: VirtioDevices): string[] {
  const needed: string[] = [];
  if (devices.diskBus === 'virtio-blk') needed.push('viostor');
  if (devices.diskBus === 'virtio-scsi') needed.push('vioscsi');
  if (devices.networkModel === 'virtio-net') needed.push('NetKVM');
  if (devices.guestAgent) needed.push('vioserial');
  return needed;
}
