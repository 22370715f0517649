import * as z from 'zod';
import { bad } from './common-schemas';
import { authorizedKeysStepSchema } from './steps/authorized-keys';
import { defaultShellStepSchema } from './steps/default-shell';
import { guestAgentStepSchema } from './steps/guest-agent';
import { opensshStepSchema } from './steps/openssh';
import { powerStepSchema } from './steps/power';
import { secretsCleanupStepSchema } from './steps/secrets-cleanup';
import { sharedFoldersStepSchema } from './steps/shared-folders';
import { userStepSchema } from './steps/user-steps';

/**
 * What the first-logon script does. Every step is optional: present (even as `{}`) means on. Steps
 * run in this order: power, guestAgent, openssh, authorizedKeys, defaultShell, sharedFolders,
 * userSteps (in the given order), secretsCleanup.
 */
export const provisionSpecSchema = z
  .object({
    /**
     * The serial port the progress lines go to, when the guest has it; `false` writes them to the
     * log only. QEMU's first `-serial` is COM1.
     */
    serialPort: z
      .union([
        z.string().regex(/^COM[1-9][0-9]?$/, { error: bad('is not a serial port name (COM1..COM99)') }),
        z.literal(false),
      ])
      .default('COM1'),
    /** Hibernation, sleep, network category, password expiry, RDP, update and scan pauses. */
    power: powerStepSchema.optional(),
    /** Install the QEMU guest agent from the media. */
    guestAgent: guestAgentStepSchema.optional(),
    /** Install or enable sshd, start it automatically, open its firewall rule. */
    openssh: opensshStepSchema.optional(),
    /** Write validated public keys with the ACL sshd demands. */
    authorizedKeys: authorizedKeysStepSchema.optional(),
    /** The shell sshd starts (HKLM\SOFTWARE\OpenSSH\DefaultShell). */
    defaultShell: defaultShellStepSchema.optional(),
    /** WinFsp + virtio-fs: a host directory as a drive letter. */
    sharedFolders: sharedFoldersStepSchema.optional(),
    /** The caller's own scripts on the media, each a named step. */
    userSteps: z
      .array(userStepSchema)
      .default([])
      .refine((steps) => new Set(steps.map((step) => step.name.toLowerCase())).size === steps.length, {
        error: 'user step names must be unique (case-insensitively)',
      }),
    /** Delete cached answer files once everything else succeeded. */
    secretsCleanup: secretsCleanupStepSchema.optional(),
  })
  .strict();

/** The spec as callers write it (defaults optional). */
export type ProvisionSpecInput = z.input<typeof provisionSpecSchema>;

/** The spec after validation, with every default filled in. */
export type ProvisionSpec = z.output<typeof provisionSpecSchema>;
