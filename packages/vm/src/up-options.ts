import { displaySchema, fileShareSchema } from '@winguest/qemu-args';
import * as z from 'zod';
import { instanceNameSchema } from './instance-name';
import { stageTimeoutsSchema } from './timeouts';

const path = z.string().min(1, 'must not be empty');
const port = z.int().min(1).max(65535);

/**
 * Everything `up` needs to create and boot an instance. The config snapshot (`config.json`) is this,
 * resolved: defaults applied, ports chosen. JSDoc on every field.
 */
export const upOptionsSchema = z.object({
  /** Instance name (directory name). Default `default`. */
  name: instanceNameSchema.default('default'),
  /** Directory holding all instances. Default: `WINGUEST_HOME`, else the platform's state dir. */
  home: path.optional(),
  /** Guest architecture. Default `amd64`. */
  arch: z.enum(['amd64', 'arm64']).default('amd64'),
  /**
   * Make the instance a clone of this stored image (a qcow2 overlay on its disk, which is never
   * written) instead of installing; only used when the instance is created. The image's devices,
   * firmware and login replace the options given here.
   */
  image: instanceNameSchema.optional(),
  /**
   * What the install media install: `windows` (default) or `linux` for Linux test guests such as
   * the stand-in, which bring their own drivers and so skip Windows' driver checks (e.g. arm64's
   * network). Direct kernel boot (`kernel`) counts as `linux`.
   */
  os: z.enum(['windows', 'linux']).default('windows'),
  /** Virtual CPUs. Default 2. */
  cpus: z.int().min(1).max(255).default(2),
  /** Memory in MiB. Default 4096. */
  memoryMiB: z.int().min(256).default(4096),
  /** `uefi` (default) or `bios` (amd64 only). */
  firmware: z.enum(['uefi', 'bios']).default('uefi'),
  /** Enforce Secure Boot. Default false. Needs SMM: with an accelerator that lacks it, TCG is used. */
  secureBoot: z.boolean().default(false),
  /** Attach a TPM 2.0 (swtpm). Default false. */
  tpm: z.boolean().default(false),
  /** The system disk, created once with `qemu-img create -f qcow2`. */
  disk: z
    .object({
      /** Virtual size as qemu-img reads it (`64G`, `512M`). Default `64G`. */
      size: z
        .string()
        .regex(/^[1-9]\d*[KMGT]?$/, 'must be a size like 64G or 512M')
        .default('64G'),
      /** Controller (default: AHCI on amd64, NVMe on arm64). */
      interface: z.enum(['ahci', 'virtio-blk', 'virtio-scsi', 'nvme']).optional(),
    })
    .default({ size: '64G' }),
  /** NIC model (default: e1000e on amd64, virtio-net on arm64). */
  nic: z.enum(['e1000e', 'virtio-net']).optional(),
  /**
   * A virtio-serial channel `org.qemu.guest_agent.0` on the instance's `qga.sock`. When an agent
   * answers, stop asks it to shut down before ACPI, `list` shows its IP and OS facts, and the clock
   * is set after a start; every use falls back when none answers. Default false.
   */
  guestAgent: z.boolean().default(false),
  /** Display. Default `{ type: 'none' }` (screenshots still work). */
  display: displaySchema.default({ type: 'none' }),
  /** Install media. Only used while installing; ejected once ready. */
  media: z
    .object({
      /** The Windows install ISO. */
      windows: path.optional(),
      /** A cidata ISO the caller built; copied into the instance (or pass `writeCidata` to `up`). */
      cidata: path.optional(),
      /** A driver ISO (virtio-win); stays attached. */
      drivers: path.optional(),
      /** Keep the instance's cidata ISO after ready (it holds recoverable passwords). Default false. */
      keepCidata: z.boolean().default(false),
      /**
       * The Windows media boots without "Press any key to boot from CD or DVD" (it was made with the
       * no-prompt boot image). When false (default) the runner presses Enter during the boot window.
       */
      noPromptBoot: z.boolean().default(false),
    })
    .default({ keepCidata: false, noPromptBoot: false }),
  /**
   * Direct kernel boot (`-kernel/-initrd/-append`) instead of booting the disk or install media,
   * for Linux guests such as the stand-in test guest. Used on every boot.
   */
  kernel: z.object({ kernel: path, initrd: path.optional(), append: z.string().default('') }).optional(),
  /** Host ports forwarded to the guest (127.0.0.1). Free ones are chosen when absent. */
  ports: z.object({ ssh: port.optional(), rdp: port.optional() }).default({}),
  /** SSH login used to decide the guest is ready, and by `sshExec`. */
  ssh: z
    .object({
      /** Guest user. Default `admin`. */
      user: z.string().min(1).default('admin'),
      /** Command that must exit 0 for the guest to count as ready. Default `echo winguest-ready`. */
      readyCommand: z.string().min(1).default('echo winguest-ready'),
    })
    .default({ user: 'admin', readyCommand: 'echo winguest-ready' }),
  /**
   * Host folders shared with the guest over virtio-fs: the runner starts one virtiofsd per share
   * before QEMU and ends it with QEMU. Linux hosts only.
   */
  shares: z
    .array(
      z.object({
        /** The host directory (must exist). */
        hostPath: path,
        /** The virtio-fs tag the guest mounts it by (1-36 bytes, unique). */
        tag: fileShareSchema.shape.tag,
        /** Refuse every write from the guest. Default false. */
        readOnly: z.boolean().default(false),
      }),
    )
    .default([]),
  /** A host directory served over QEMU's user-network SMB (`\\10.0.2.4\qemu`): the fallback without virtio-fs. */
  smbShare: path.optional(),
  /** Accelerator: `auto` (default) probes KVM/HVF/WHPX and falls back to TCG. */
  accelerator: z.enum(['auto', 'kvm', 'hvf', 'whpx', 'tcg']).default('auto'),
  /** Per-stage timeouts in ms; defaults depend on the accelerator (see the README). */
  timeouts: stageTimeoutsSchema.default({}),
  /** Seconds between periodic screenshots; 0 turns them off (stage changes still get one). Default 30. */
  screenshotIntervalSeconds: z.number().nonnegative().default(30),
  /** Seconds `stop` waits for an ACPI powerdown before killing QEMU. Default 120. */
  stopTimeoutSeconds: z.number().positive().default(120),
  /** Raw QEMU arguments appended last. */
  extraArgs: z.array(z.string()).default([]),
});

/** What callers pass to `up` (fields with defaults are optional). */
export type UpOptionsInput = z.input<typeof upOptionsSchema>;
/** The resolved options. */
export type UpOptions = z.output<typeof upOptionsSchema>;

/** The config snapshot stored in the instance: the resolved options with the ports in force. */
export interface InstanceConfig extends Omit<UpOptions, 'home' | 'ports'> {
  /** Host ports; `auto` lists those that were chosen by the runner (re-chosen when taken). */
  ports: { ssh: number; rdp?: number; auto: ('ssh' | 'rdp')[] };
  /** When the instance was created. */
  createdAt: string;
}
