import * as z from 'zod';

const path = z.string().min(1, 'must not be empty');

/** UEFI firmware files, as the firmware probe returns them. */
export const firmwareFilesSchema = z.object({
  /** Read-only code image (`OVMF_CODE*.fd`, `AAVMF_CODE.fd`, `edk2-*-code.fd`). */
  code: path,
  /** Pristine variables template; the VM uses its own writable copy at `host.varsPath`. */
  varsTemplate: path.optional(),
  /** Architecture the firmware is for, when known (`amd64`/`arm64`); checked against the spec. */
  arch: z.enum(['amd64', 'arm64']).optional(),
  /** Descriptor features, e.g. `secure-boot`, `enrolled-keys`, `requires-smm`. */
  features: z.array(z.string()).default([]),
});

/** Where QMP listens: a UNIX socket path, or TCP (for Windows hosts). */
export const qmpEndpointSchema = z.union([
  z.object({ path }),
  z.object({ host: z.string().min(1), port: z.int().min(1).max(65535) }),
]);

/**
 * The machine-specific half of a VM: probe results (binary, accelerator, firmware) and the files
 * of this instance (vars copy, sockets, logs). Everything comes in as data; nothing is probed here.
 */
export const qemuHostSchema = z.object({
  /** Path of `qemu-system-x86_64` / `qemu-system-aarch64` (from `probeQemu`). */
  binary: path,
  /** Accelerator that works here (from `probeAccelerator`). */
  accelerator: z.enum(['kvm', 'hvf', 'whpx', 'tcg']),
  /** UEFI firmware (from `probeFirmware`); required when `spec.firmware` is `uefi`. */
  firmware: firmwareFilesSchema.optional(),
  /** This VM's writable copy of the vars template (64 MiB on arm64); required for UEFI. */
  varsPath: path.optional(),
  /**
   * Format of `varsPath`: `raw` (default; a plain copy of the template) or `qcow2` (`qemu-img
   * convert -f raw -O qcow2` of it). QEMU's `savevm` needs every writable drive in qcow2, so only
   * qcow2 vars let a UEFI guest be snapshotted.
   */
  varsFormat: z.enum(['raw', 'qcow2']).default('raw'),
  /** QMP endpoint; QEMU creates it. */
  qmp: qmpEndpointSchema,
  /** File that receives the first serial port (progress lines). */
  serialLog: path.optional(),
  /** File QEMU writes its process id to. */
  pidFile: path.optional(),
  /** swtpm's control socket (`swtpm socket --ctrl type=unixio,path=…`); required with `spec.tpm`. */
  tpmSocket: path.optional(),
  /** UNIX socket QEMU creates for the guest agent's channel (`connectQga`); required with `spec.guestAgent`. */
  guestAgentSocket: path.optional(),
  /** virtiofsd's vhost-user socket for each `spec.shares` tag (`--socket-path`); virtiofsd must listen before QEMU starts. */
  virtiofsSockets: z.record(z.string(), path).default({}),
});

/** Host facts and instance paths `buildQemuArgs` takes. */
export type QemuHost = z.output<typeof qemuHostSchema>;
/** What callers may pass. */
export type QemuHostInput = z.input<typeof qemuHostSchema>;
/** UEFI firmware files. */
export type FirmwareFiles = z.output<typeof firmwareFilesSchema>;
/** A QMP endpoint. */
export type QmpEndpoint = z.output<typeof qmpEndpointSchema>;
