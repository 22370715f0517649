import * as z from 'zod';

/** The most memory a guest may be given: 4 TiB, in MiB. */
const maxMemoryMiB = 4 * 1024 * 1024;

const port = z.int().min(1).max(65535);
const path = z.string().min(1, 'must not be empty');

/** A host port forwarded to the guest through QEMU user-mode networking. */
export const portForwardSchema = z.object({
  /** `tcp` (default) or `udp`. */
  protocol: z.enum(['tcp', 'udp']).default('tcp'),
  /** Host address to listen on. Default `127.0.0.1` (not reachable from other machines). */
  hostAddress: z.ipv4().default('127.0.0.1'),
  /** Host port. */
  hostPort: port,
  /** Guest port. */
  guestPort: port,
});

/** The longest virtio-fs tag: the device's config space holds 36 bytes (UTF-8, no terminator). */
export const maxShareTagBytes = 36;

/** One host folder shared with the guest over virtio-fs (a `vhost-user-fs-pci` device). */
export const fileShareSchema = z.object({
  /** The name the guest mounts it by (Linux `mount -t virtiofs TAG`, Windows VirtioFsSvc). 1-36 bytes. */
  tag: z
    .string()
    .min(1, 'must not be empty')
    .refine(
      (tag) => new TextEncoder().encode(tag).length <= maxShareTagBytes,
      `must be at most ${maxShareTagBytes} bytes (UTF-8): virtio-fs has no room for more`,
    ),
});

/** How the guest's screen is shown. */
export const displaySchema = z.discriminatedUnion('type', [
  /** No display (the guest still gets a display adapter, so `screendump` works). */
  z.object({ type: z.literal('none') }),
  /** VNC, in QEMU's form: `127.0.0.1:1` (display 1 = TCP port 5901) or `unix:/path/to/socket`. */
  z.object({ type: z.literal('vnc'), address: z.string().min(1) }),
  /** A local window (GTK, SDL or Cocoa, whatever QEMU was built with). */
  z.object({ type: z.literal('window') }),
]);

/**
 * What the VM is, independent of the machine it runs on: architecture, size, firmware, devices,
 * media. The host-specific half (binary, accelerator, firmware files, instance paths) is `QemuHost`.
 */
export const vmSpecSchema = z.object({
  /** VM name, shown in window titles and process lists. */
  name: z.string().min(1).default('winguest'),
  /** Guest architecture: `amd64` (q35) or `arm64` (virt). */
  arch: z.enum(['amd64', 'arm64']),
  /** Virtual CPUs. Default 2. */
  cpus: z.int().min(1).max(255).default(2),
  /**
   * Memory in MiB, 256 to 4 TiB (4194304). Default 4096 (Windows 11 Setup's minimum). QEMU reserves
   * it all on start, so the bound keeps a typo from failing late; Windows 11 Pro addresses 2 TB.
   */
  memoryMiB: z.int().min(256).max(maxMemoryMiB, 'must be at most 4194304 (4 TiB)').default(4096),
  /** `uefi` (default) or `bios` (amd64 only). */
  firmware: z.enum(['uefi', 'bios']).default('uefi'),
  /** Boot with Secure Boot enforced (UEFI firmware with the `secure-boot` feature). Default false. */
  secureBoot: z.boolean().default(false),
  /** Attach a TPM 2.0 backed by swtpm (`host.tpmSocket`). Default false. */
  tpm: z.boolean().default(false),
  /**
   * Give the guest agent its channel: a virtio-serial port `org.qemu.guest_agent.0` whose host end
   * is the UNIX socket `host.guestAgentSocket`. Windows needs vioserial and the agent MSI from
   * virtio-win. Default false.
   */
  guestAgent: z.boolean().default(false),
  /** The system disk. */
  disk: z.object({
    /** Image file. */
    path,
    /** Image format. Default `qcow2`. */
    format: z.enum(['qcow2', 'raw']).default('qcow2'),
    /** Controller. Default: `ahci` on amd64, `nvme` on arm64 (both have in-box drivers). */
    interface: z.enum(['ahci', 'virtio-blk', 'virtio-scsi', 'nvme']).optional(),
  }),
  /** Install media, attached in this fixed order (see the README). */
  media: z
    .object({
      /** The Windows installation ISO. */
      windows: path.optional(),
      /** Our cidata ISO (answer file, provisioning scripts, `$WinPEDriver$`). */
      cidata: path.optional(),
      /** A driver ISO such as virtio-win. */
      drivers: path.optional(),
    })
    .default({}),
  /** User-mode networking. */
  network: z
    .object({
      /** NIC model. Default: `e1000e` on amd64 (in-box driver), `virtio-net` on arm64 (needs NetKVM). */
      model: z.enum(['e1000e', 'virtio-net']).optional(),
      /** MAC address, e.g. `52:54:00:12:34:56`. Default: QEMU's. */
      mac: z
        .string()
        .regex(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i, 'must look like 52:54:00:12:34:56')
        .optional(),
      /** Host port forwarded to the guest's SSH port 22. */
      ssh: port.optional(),
      /** Host port forwarded to the guest's RDP port 3389. */
      rdp: port.optional(),
      /** Further forwards. */
      forwards: z.array(portForwardSchema).default([]),
      /**
       * A host directory QEMU's user network serves over SMB at `\\10.0.2.4\qemu` (QEMU starts
       * the host's smbd, samba). The fallback where virtio-fs cannot run.
       */
      smb: path.optional(),
    })
    .default({ forwards: [] }),
  /**
   * Host folders shared over virtio-fs. Each gets a `vhost-user-fs-pci` device whose virtiofsd
   * listens on `host.virtiofsSockets[tag]`; guest memory becomes a shared memfd backend. Linux hosts only.
   */
  shares: z.array(fileShareSchema).default([]),
  /** Display. Default `{ type: 'none' }`. */
  display: displaySchema.default({ type: 'none' }),
  /** Raw QEMU arguments appended last (they can override anything before them). */
  extraArgs: z.array(z.string()).default([]),
});

/** The VM description `buildQemuArgs` takes (defaults applied). */
export type VmSpec = z.output<typeof vmSpecSchema>;
/** What callers may pass (fields with defaults are optional). */
export type VmSpecInput = z.input<typeof vmSpecSchema>;
/** One virtio-fs share. */
export type FileShare = z.output<typeof fileShareSchema>;
/** One port forward. */
export type PortForward = z.output<typeof portForwardSchema>;
