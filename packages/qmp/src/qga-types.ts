/** One command the agent knows, from `guest-info`. */
export interface QgaCommandInfo {
  name: string;
  /** False when the agent was started with it blocked (`--block-rpcs`) or it is unsupported here. */
  enabled: boolean;
  /** False for commands that never reply on success (`guest-shutdown`). */
  'success-response': boolean;
}

/** `guest-info`: the agent's version and commands. */
export interface QgaInfo {
  version: string;
  supported_commands: QgaCommandInfo[];
}

/** `guest-get-osinfo` (fields are optional: each OS fills what it knows). */
export interface QgaOsInfo {
  /** e.g. `mswindows`, `debian`. */
  id?: string;
  /** e.g. `Microsoft Windows Server 2025`. */
  name?: string;
  'pretty-name'?: string;
  version?: string;
  'version-id'?: string;
  'kernel-release'?: string;
  'kernel-version'?: string;
  /** e.g. `x86_64`, `aarch64`. */
  machine?: string;
  /** Windows only, e.g. `Windows Server 2025`, `Windows 11`. */
  variant?: string;
  'variant-id'?: string;
}

/** One address of a guest network interface. */
export interface QgaIpAddress {
  'ip-address-type': 'ipv4' | 'ipv6';
  'ip-address': string;
  prefix: number;
}

/** One entry of `guest-network-get-interfaces`. */
export interface QgaNetworkInterface {
  name: string;
  'hardware-address'?: string;
  'ip-addresses'?: QgaIpAddress[];
}

/** What `guest-shutdown` does. */
export type QgaShutdownMode = 'powerdown' | 'reboot' | 'halt';
