import * as z from 'zod';
import { fields } from './_fields';
import { sharesSchema } from './shares-schema';
import { guestVmSchema } from './vm-schema';

const hostPath = z.string().min(1, 'must not be empty');

/** How the Windows image is chosen: its name as `winguest media inspect` lists it, or a selector. */
const editionSchema = z
  .union([
    z.string().min(1).describe('Image NAME, e.g. "Windows 11 Pro" (see `winguest media inspect`)'),
    fields.editionSelector.describe('{ name }, { index } or { description } of the image'),
  ])
  .describe("Edition to install; default: the family's Pro/Standard edition, or checked against the ISO");

/**
 * THE description of a Windows guest (`winguest.yaml`). Every field has a working default, so `{}`
 * describes a Windows 11 Pro amd64 UEFI guest that comes up with SSH. Fields are borrowed from the
 * packages that own them (answerfile, provision-scripts, qemu-args, vm). Passwords never live
 * here: they are passed to the planners.
 */
export const guestSchema = z
  .object({
    $schema: z.string().optional().describe('JSON Schema for editor completion (written by `winguest init`)'),
    family: fields.family
      .default('windows11')
      .describe('Windows release: windows10, windows11, server2022, server2025'),
    arch: fields.arch
      .optional()
      .describe('Guest architecture; default: the architecture of the ISO, else amd64'),
    firmware: fields.firmware.default('uefi').describe('uefi (GPT) or bios (MBR, amd64 only)'),
    edition: editionSchema.optional(),
    productKey: fields.productKey
      .optional()
      .describe('Product key (5×5); default none, which evaluation and multi-edition media accept'),
    computerName: fields.computerName
      .default('winguest')
      .describe('Computer name: ≤ 15 letters, digits, hyphens; "*" for random'),
    timeZone: fields.timeZone.default('UTC').describe('Windows time zone ID or IANA name (Europe/Berlin)'),
    uiLanguage: fields.uiLanguage.default('en-US').describe('Setup and UI language; must be on the media'),
    user: z
      .object({
        name: fields.userName.default('winguest').describe('Administrator account to create'),
        passwordFile: hostPath
          .optional()
          .describe('File whose first line is the password (else WINGUEST_PASSWORD, else generated)'),
      })
      .strict()
      .prefault({})
      .describe('The account Windows creates; it signs in once to run the provisioning'),
    ssh: z
      .object({
        publicKey: z
          .string()
          .optional()
          .describe(
            'Public key to authorise: a .pub path or the key text; default ~/.ssh/id_ed25519.pub, id_ecdsa.pub, id_rsa.pub',
          ),
        port: fields.sshPort.default(22).describe('Port sshd listens on in the guest'),
        shell: fields.sshShell.default('powershell').describe('Default SSH shell'),
        strategy: fields.sshStrategy
          .default('auto')
          .describe(
            'How sshd is installed: builtin (Server 2025), msi (media.opensshMsi), capability (Windows Update), auto',
          ),
      })
      .strict()
      .prefault({})
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
        drivers: hostPath
          .optional()
          .describe(
            'virtio-win ISO, its extracted folder, or your own driver folder: the drivers the devices need go to $WinPEDriver$ on the cidata ISO (and the guest agent MSI)',
          ),
        opensshMsi: hostPath
          .optional()
          .describe('Win32-OpenSSH MSI to put on the media (no network needed to install sshd)'),
        winfspMsi: hostPath
          .optional()
          .describe(
            'WinFsp MSI (winfsp-2.x.msi) to put on the media: a Windows guest needs it to mount virtio-fs shares',
          ),
      })
      .strict()
      .prefault({})
      .describe('Files from the host: the Windows ISO, driver media, the OpenSSH and WinFsp MSIs'),
    vm: guestVmSchema,
    shares: sharesSchema,
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

/** A guest description as written (every field with a default may be left out). */
export type GuestInput = z.input<typeof guestSchema>;
/** A resolved guest description: every default applied. */
export type Guest = z.output<typeof guestSchema>;

/** The JSON Schema editors use for winguest.yaml. */
export function guestJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(guestSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}
