import {
  computerNameProblem,
  reservedUserNameProblem,
  userNameProblem,
  windowsFamilies,
} from '@winguest/answerfile';
import { z } from 'zod';

const hostPath = z.string().min(1, 'must not be empty');

/** A string checked by one of answerfile's naming rules (which return why a name is not allowed). */
function named(...problems: Array<(name: string) => string | undefined>) {
  return z.string().superRefine((name, context) => {
    for (const problem of problems) {
      const message = problem(name);
      if (message) context.addIssue({ code: 'custom', message });
    }
  });
}

/** How the Windows image (edition) is chosen: its name as `winguest media inspect` lists it, or its index. */
const editionSchema = z
  .union([
    z.string().min(1).describe('Image NAME, e.g. "Windows 11 Pro" (see `winguest media inspect`)'),
    z.object({ index: z.int().min(1).describe('1-based image index') }).strict(),
    z.object({ name: z.string().min(1).describe('Image NAME') }).strict(),
  ])
  .describe("Edition to install; default: the family's Pro/Standard edition, or checked against --iso");

/**
 * `winguest.yaml`: everything has a working default, so an empty file (or none) builds a Windows 11
 * Pro amd64 UEFI guest that comes up with SSH. Passwords never live here: they come from
 * WINGUEST_PASSWORD, --password-file / `user.passwordFile`, or are generated.
 */
export const configSchema = z
  .object({
    $schema: z.string().optional().describe('JSON Schema for editor completion (written by `winguest init`)'),
    family: z
      .enum(windowsFamilies)
      .default('windows11')
      .describe('Windows release: windows10, windows11, server2022, server2025'),
    arch: z
      .enum(['amd64', 'arm64'])
      .optional()
      .describe('Guest architecture; default: the architecture of --iso media, else amd64'),
    firmware: z.enum(['uefi', 'bios']).default('uefi').describe('uefi (GPT) or bios (MBR, amd64 only)'),
    edition: editionSchema.optional(),
    productKey: z
      .string()
      .optional()
      .describe('Product key (5×5); default none, which evaluation and multi-edition media accept'),
    computerName: named(computerNameProblem)
      .default('winguest')
      .describe('Computer name: ≤ 15 letters, digits, hyphens; "*" for random'),
    timeZone: z.string().default('UTC').describe('Windows time zone ID or IANA name (Europe/Berlin)'),
    uiLanguage: z.string().default('en-US').describe('Setup and UI language; must be on the media'),
    user: z
      .object({
        name: named(userNameProblem, reservedUserNameProblem)
          .default('winguest')
          .describe('Administrator account to create'),
        passwordFile: hostPath
          .optional()
          .describe('File whose first line is the password (else WINGUEST_PASSWORD, else generated)'),
      })
      .strict()
      .default({ name: 'winguest' })
      .describe('The account Windows creates; it signs in once to run the provisioning'),
    ssh: z
      .object({
        publicKey: z
          .string()
          .optional()
          .describe(
            'Public key to authorise: a .pub path or the key text; default ~/.ssh/id_ed25519.pub, id_ecdsa.pub, id_rsa.pub',
          ),
        port: z.int().min(1).max(65535).default(22).describe('Port sshd listens on in the guest'),
        shell: z.enum(['powershell', 'pwsh', 'cmd']).default('powershell').describe('Default SSH shell'),
        strategy: z
          .enum(['auto', 'builtin', 'msi', 'capability'])
          .default('auto')
          .describe(
            'How sshd is installed: builtin (Server 2025), msi (media.opensshMsi), capability (Windows Update), auto',
          ),
      })
      .strict()
      .default({ port: 22, shell: 'powershell', strategy: 'auto' })
      .describe('SSH into the guest: the key to authorise and how sshd is set up'),
    bypassHardwareChecks: z
      .boolean()
      .optional()
      .describe(
        'Windows 11 TPM/Secure Boot/RAM check bypass; default on unless vm.tpm and vm.secureBoot are on',
      ),
    media: z
      .object({
        iso: hostPath
          .optional()
          .describe('Windows install ISO (also --iso); inspected before anything is written'),
        drivers: hostPath.optional().describe('Driver ISO (virtio-win), attached as a third CD'),
        opensshMsi: hostPath
          .optional()
          .describe('Win32-OpenSSH MSI to put on the media (no network needed to install sshd)'),
      })
      .strict()
      .default({})
      .describe('Files from the host: the Windows ISO, a driver ISO, the OpenSSH MSI'),
    vm: z
      .object({
        cpus: z.int().min(1).max(255).default(2).describe('Virtual CPUs'),
        memoryMiB: z.int().min(1024).default(4096).describe('Memory in MiB (Windows 11 wants ≥ 4096)'),
        diskGiB: z.int().min(20).default(64).describe('System disk size in GiB (qcow2, grows on demand)'),
        secureBoot: z.boolean().default(false).describe('Secure Boot (needs OVMF with enrolled keys)'),
        tpm: z.boolean().default(false).describe('TPM 2.0 through swtpm'),
        sshPort: z
          .int()
          .min(1)
          .max(65535)
          .optional()
          .describe(
            'Host port forwarded to the guest SSH port; default 2222 for `build`, a free one for `up`',
          ),
        rdpPort: z.int().min(1).max(65535).optional().describe('Host port forwarded to RDP (3389)'),
        display: z.enum(['none', 'window']).default('none').describe('none (headless) or a local window'),
        accelerator: z
          .enum(['auto', 'kvm', 'hvf', 'whpx', 'tcg'])
          .default('auto')
          .describe("auto: the host's (KVM, HVF, WHPX, else TCG); tcg forces software emulation"),
        timeoutMinutes: z
          .record(z.string(), z.number().positive())
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
      .default({
        cpus: 2,
        memoryMiB: 4096,
        diskGiB: 64,
        secureBoot: false,
        tpm: false,
        display: 'none',
        accelerator: 'auto',
      })
      .describe('The virtual machine: size, devices, ports, accelerator'),
    answer: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('Advanced: merged over the generated @winguest/answerfile spec (same shape as its schema)'),
    provision: z
      .record(z.string(), z.unknown())
      .optional()
      .describe(
        'Advanced: merged over the generated @winguest/provision-scripts spec (same shape as its schema)',
      ),
  })
  .strict();

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;

/** The JSON Schema editors use for winguest.yaml (shipped as `@winguest/cli/schema.json`). */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}
