import * as z from 'zod';
import { commandSchema, lineOfText } from './fields';
import { identitySchema } from './identity-schema';
import { localeSchema } from './locale-schema';
import { diskSchema, editionSchema, targetSchema } from './target-schema';

/** User commands per pass, run in the order given (Order 1..n after the generator's own). */
const commandsSchema = z
  .strictObject({
    /** windowsPE, before the disk is partitioned (Microsoft-Windows-Setup RunSynchronous, as SYSTEM). */
    windowsPE: z
      .array(commandSchema(1024, 'Path'))
      .default([])
      .describe('Run in windowsPE, before partitioning, as SYSTEM.'),
    /** specialize, after the first reboot (Microsoft-Windows-Deployment RunSynchronous, as SYSTEM). */
    specialize: z
      .array(commandSchema(259, 'Path'))
      .default([])
      .describe('Run in specialize, as SYSTEM; at most 259 characters each.'),
    /** At the first sign-in (FirstLogonCommands), as the signed-in user; e.g. the provisioning launcher. */
    firstLogon: z
      .array(commandSchema(1024, 'CommandLine'))
      .default([])
      .describe('Run at the first sign-in, as that user; e.g. the provisioning launcher.'),
  })
  .prefault({})
  .describe('Commands per pass.');

/** Every field of the spec, before cross-field checks and family defaults. */
export const specFieldsSchema = z.strictObject({
  /** Architecture, firmware and Windows release. */
  target: targetSchema,
  /** Which image to install, and the product key. */
  edition: editionSchema,
  /** Target disk and partitions. */
  disk: diskSchema,
  /** Languages and time zone. */
  locale: localeSchema,
  /** Computer name and accounts. */
  identity: identitySchema,
  /** OOBE choices beyond the skip settings, which are always written. */
  oobe: z
    .strictObject({
      /** Allow OOBE without a network (BypassNRO, set in specialize). */
      bypassNetworkRequirement: z
        .boolean()
        .default(false)
        .describe('Allow OOBE without a network (BypassNRO in specialize).'),
    })
    .prefault({})
    .describe('OOBE options.'),
  /**
   * Skip Windows 11's TPM, Secure Boot, RAM, CPU and storage checks (LabConfig, in windowsPE).
   * Defaults to true for windows11; set false when the VM meets the requirements. No effect on other
   * families.
   */
  bypassHardwareChecks: z
    .boolean()
    .optional()
    .describe("Skip Windows 11's TPM, Secure Boot, RAM, CPU and storage checks; default true for windows11."),
  /** Folders with drivers for windowsPE. Usually unneeded: Setup scans `$WinPEDriver$` on every medium. */
  driverPaths: z
    .array(lineOfText(259, 'Path'))
    .default([])
    .describe('Driver folders for windowsPE; unneeded when the media carry $WinPEDriver$.'),
  /** User commands per pass. */
  commands: commandsSchema,
  /** Turn off Dynamic Update during Setup (faster, reproducible, no network needed). */
  disableDynamicUpdate: z.boolean().default(true).describe('Turn off Dynamic Update during Setup.'),
  /** Write `WINGUEST <pass> start` lines to COM1 at the start of windowsPE and specialize. */
  progress: z
    .boolean()
    .default(false)
    .describe('Write "WINGUEST <pass> start" lines to COM1 in windowsPE and specialize.'),
});

/** The spec after field validation and defaults, before cross-field checks. */
export type SpecFields = z.output<typeof specFieldsSchema>;
