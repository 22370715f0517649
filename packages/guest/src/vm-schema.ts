import * as z from 'zod';
import { fields } from './_fields';
import { diskBusSchema } from './devices';

const hostPath = z.string().min(1, 'must not be empty');
const stageNames = fields.stageTimeouts.keyof();

/** The `vm` section: size, devices, ports and accelerator. Fields come from qemu-args and vm. */
export const guestVmSchema = z
  .object({
    cpus: fields.cpus.default(2).describe('Virtual CPUs'),
    memoryMiB: fields.memoryMiB.default(4096).describe('Memory in MiB (Windows 11 wants ≥ 4096)'),
    disk: z
      .object({
        bus: diskBusSchema
          .optional()
          .describe(
            'System disk bus: sata, virtio-blk, virtio-scsi or nvme; default sata (amd64), nvme (arm64). virtio needs media.drivers',
          ),
        // 16 TiB: the largest NTFS volume with the 4 KiB clusters Setup formats C: with (qcow2 itself
        // stops near 2 PiB with its default clusters); a larger number is a typo, caught here not in qemu-img.
        sizeGiB: z
          .int()
          .min(20)
          .max(16384, 'must be at most 16384 (16 TiB, the largest NTFS volume Setup can format)')
          .default(64)
          .describe('System disk size in GiB, 20 to 16384 (qcow2, grows on demand)'),
      })
      .strict()
      .prefault({})
      .describe('The system disk: its bus and size'),
    network: z
      .object({
        model: fields.nic
          .optional()
          .describe(
            'Network card: e1000e or virtio-net; default e1000e (amd64), virtio-net (arm64, the only one). virtio-net needs media.drivers',
          ),
      })
      .strict()
      .prefault({})
      .describe('The network card'),
    guestAgent: z
      .boolean()
      .optional()
      .describe(
        'QEMU guest agent (virtio-serial channel + agent MSI from media.drivers); default on when media.drivers is set and the guest is amd64',
      ),
    secureBoot: fields.secureBoot.default(false).describe('Secure Boot (needs OVMF with enrolled keys)'),
    tpm: fields.tpm.default(false).describe('TPM 2.0 through swtpm'),
    sshPort: fields.hostPort
      .optional()
      .describe('Host port forwarded to the guest SSH port; default 2222 for `build`, a free one for `up`'),
    rdpPort: fields.hostPort.optional().describe('Host port forwarded to RDP (3389)'),
    display: z.enum(['none', 'window']).default('none').describe('none (headless) or a local window'),
    accelerator: fields.accelerator
      .default('auto')
      .describe("auto: the host's (KVM, HVF, WHPX, else TCG); tcg forces software emulation"),
    timeoutMinutes: z
      .partialRecord(stageNames, z.number().positive())
      .optional()
      .describe(
        'Per-stage timeouts for `up` in minutes, e.g. { applying-image: 90 }; defaults depend on the accelerator',
      ),
    kernel: z
      .object({
        kernel: hostPath.describe('Linux kernel image'),
        initrd: hostPath.optional().describe('initramfs'),
        append: z.string().default('').describe('Kernel command line'),
      })
      .strict()
      .optional()
      .describe(
        'Advanced: boot a Linux kernel directly (for Linux test guests such as the stand-in); `up` only',
      ),
    bootIso: hostPath
      .optional()
      .describe(
        'Advanced: EFI boot media of a Linux test guest (the arm64 stand-in), booted from the firmware in place of the Windows ISO; `up` only',
      ),
  })
  .strict()
  .prefault({})
  .describe('The virtual machine: size, devices, ports, accelerator');
