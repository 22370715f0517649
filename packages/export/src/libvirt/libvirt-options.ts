import * as z from 'zod';

const path = z.string().min(1, 'must not be empty');

/** How the domain gets its UEFI firmware. */
export const libvirtFirmwareSchema = z.discriminatedUnion('type', [
  /**
   * libvirt picks code and vars from QEMU's firmware descriptors by the features asked for
   * (`secure-boot`, `enrolled-keys`): portable across hosts and distributions.
   */
  z.object({ type: z.literal('auto') }),
  /** Explicit files, e.g. from `probeFirmware` of @winguest/qemu-args/probe. */
  z.object({
    type: z.literal('files'),
    /** Read-only code image (`OVMF_CODE_4M.secboot.fd`, `AAVMF_CODE.fd`). */
    loader: path,
    /** Pristine vars template libvirt copies for the domain. */
    nvramTemplate: path.optional(),
    /**
     * The domain's own vars file, raw: libvirt 9.0 (Debian 12) has no `format` for `<nvram>`, so a
     * winguest instance's `vars.qcow2` must be converted first (`qemu-img convert -O raw`).
     * Default: libvirt's per-domain path.
     */
    nvram: path.optional(),
  }),
]);

/** Options of `renderLibvirtDomain`: what the spec leaves to the engine. */
export const libvirtDomainOptionsSchema = z
  .object({
    /**
     * `kvm` (default) or `qemu` (TCG, software emulation). Hyper-V enlightenments and a host CPU
     * model only come with `kvm`.
     */
    domainType: z.enum(['kvm', 'qemu']).default('kvm'),
    /**
     * How user-mode networking with the spec's port forwards is attached. `passt` (default):
     * libvirt's own `<interface type='user'>` with `<backend type='passt'/>` and `<portForward>`
     * (upstream libvirt ≥ 9.0; Debian 12's build disables passt). `qemu-commandline`: QEMU's own
     * `-netdev user,hostfwd=…` through `<qemu:commandline>`, which every libvirt accepts but which
     * libvirt does not manage (not listed by `virsh domiflist`).
     */
    userNetwork: z.enum(['passt', 'qemu-commandline']).default('passt'),
    /** UEFI firmware selection. Default `{ type: 'auto' }`. */
    firmware: libvirtFirmwareSchema.default({ type: 'auto' }),
    /** File that receives the first serial port (the `WINGUEST …` progress lines). */
    serialLog: path.optional(),
    /** QEMU binary, when libvirt should not pick it. */
    emulator: path.optional(),
    /** Direct kernel boot instead of disk and media (the stand-in guest of the tests). */
    kernel: z.object({ kernel: path, initrd: path.optional(), cmdline: z.string().default('') }).optional(),
    /**
     * Host folders shared with the guest over virtio-fs (`<filesystem>` with the virtiofs driver and
     * shared memory). Windows needs virtio-win's viofs driver and WinFsp. Default none.
     */
    shares: z.array(z.object({ source: path, tag: z.string().min(1).max(36) })).default([]),
  })
  .strict();

/** Options as callers write them. */
export type LibvirtDomainOptionsInput = z.input<typeof libvirtDomainOptionsSchema>;
/** Options with defaults applied. */
export type LibvirtDomainOptions = z.output<typeof libvirtDomainOptionsSchema>;
