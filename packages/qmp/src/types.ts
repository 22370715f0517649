/** QEMU's version triple as reported in the greeting and by `query-version`. */
export interface QmpVersion {
  qemu: { major: number; minor: number; micro: number };
  /** Distribution build string, e.g. `"Debian 1:7.2+dfsg-7"`. */
  package: string;
}

/** The first message QEMU sends on a QMP connection. */
export interface QmpGreeting {
  version: QmpVersion;
  /** Optional protocol capabilities QEMU offers, e.g. `["oob"]`. */
  capabilities: string[];
}

/** An asynchronous event, e.g. `SHUTDOWN`, `RESET`, `STOP`, `DEVICE_TRAY_MOVED`. */
export interface QmpEvent {
  /** The event name. */
  event: string;
  /** Event-specific payload (absent for events without data). */
  data?: Record<string, unknown>;
  /** When QEMU emitted the event. */
  timestamp: { seconds: number; microseconds: number };
}

/** One entry of `query-status`. */
export interface QmpStatusInfo {
  running: boolean;
  /** Run state, e.g. `"prelaunch"`, `"running"`, `"paused"`, `"shutdown"`, `"internal-error"`. */
  status: string;
}

/** One PCI device of `query-pci` (fields winguest reads; QEMU sends more). */
export interface QmpPciDevice {
  bus: number;
  slot: number;
  function: number;
  class_info: { class: number; desc?: string };
  id: { vendor: number; device: number };
  /** The `-device …,id=` given on the command line, or an empty string. */
  qdev_id: string;
  pci_bridge?: { bus: { number: number }; devices?: QmpPciDevice[] };
}

/** One bus of `query-pci`. */
export interface QmpPciBus {
  bus: number;
  devices: QmpPciDevice[];
}

/** One block backend of `query-block`. */
export interface QmpBlockInfo {
  /** The drive id (`-drive id=`), or empty for `-blockdev` backends. */
  device: string;
  /** The QOM path of the device the drive is attached to. */
  qdev?: string;
  removable: boolean;
  locked: boolean;
  tray_open?: boolean;
  /** The medium: present when something is inserted. */
  inserted?: { file: string; ro: boolean; drv: string; node_name?: string };
}

/** One character device of `query-chardev`. */
export interface QmpChardevInfo {
  /** The chardev id (`-chardev …,id=`). */
  label: string;
  /** Backend and location, e.g. `"unix:/run/qmp.sock,server=on"` or `"file"`. */
  filename: string;
  'frontend-open': boolean;
}

/** One TPM of `query-tpm`. */
export interface QmpTpmInfo {
  id: string;
  /** Front-end model, `"tpm-crb"`, `"tpm-tis"` or `"tpm-tis-device"`. */
  model: string;
  options: { type: string; data: Record<string, unknown> };
}

/**
 * The commands winguest sends, with their argument and result types. `execute()` accepts any other
 * command name too, typed `Record<string, unknown>` → `unknown`.
 */
export interface QmpCommands {
  qmp_capabilities: { args: { enable?: string[] } | undefined; result: Record<string, never> };
  'query-version': { args: undefined; result: QmpVersion };
  'query-status': { args: undefined; result: QmpStatusInfo };
  'query-pci': { args: undefined; result: QmpPciBus[] };
  'query-block': { args: undefined; result: QmpBlockInfo[] };
  'query-chardev': { args: undefined; result: QmpChardevInfo[] };
  'query-tpm': { args: undefined; result: QmpTpmInfo[] };
  'query-kvm': { args: undefined; result: { enabled: boolean; present: boolean } };
  cont: { args: undefined; result: Record<string, never> };
  stop: { args: undefined; result: Record<string, never> };
  system_powerdown: { args: undefined; result: Record<string, never> };
  system_reset: { args: undefined; result: Record<string, never> };
  quit: { args: undefined; result: Record<string, never> };
  eject: { args: { id: string; force?: boolean }; result: Record<string, never> };
  'send-key': {
    args: {
      keys: Array<{ type: 'qcode'; data: string } | { type: 'number'; data: number }>;
      'hold-time'?: number;
    };
    result: Record<string, never>;
  };
  'human-monitor-command': { args: { 'command-line': string }; result: string };
}

/** A command name winguest knows the types of. */
export type QmpCommandName = keyof QmpCommands;
