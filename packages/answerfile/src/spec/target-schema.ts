import * as z from 'zod';
import { lineOfText } from './fields';

/** The Windows releases presets and defaults know about. */
export const windowsFamilies = ['windows10', 'windows11', 'server2022', 'server2025'] as const;

/** A Windows release; it sets defaults (edition name, OOBE screens, bypass), never hard limits. */
export type WindowsFamily = (typeof windowsFamilies)[number];

/** What the answer file is for: the media's architecture, the VM's firmware, the Windows release. */
export const targetSchema = z
  .strictObject({
    /** Processor architecture of the install media; every component is written for it. */
    arch: z
      .enum(['amd64', 'arm64'])
      .default('amd64')
      .describe('Processor architecture of the install media; every component is written for it.'),
    /** Firmware of the VM: `uefi` partitions the disk GPT, `bios` MBR. */
    firmware: z
      .enum(['uefi', 'bios'])
      .default('uefi')
      .describe('Firmware of the VM: uefi partitions the disk GPT, bios MBR.'),
    /** The Windows release; chooses defaults only. */
    family: z
      .enum(windowsFamilies)
      .default('windows11')
      .describe('The Windows release; chooses defaults only.'),
  })
  .prefault({})
  .describe('What the answer file is for.');

/** Which image of the install media to install. Give at most one of name, index, description. */
export const editionSchema = z
  .strictObject({
    /** `/IMAGE/NAME` of the image, e.g. "Windows 11 Pro" (the default style; names are stable across media). */
    name: lineOfText(256, 'Value').optional().describe('/IMAGE/NAME of the image, e.g. "Windows 11 Pro".'),
    /** `/IMAGE/INDEX` (1-based); indexes differ between ISOs, prefer `name`. */
    index: z.int().min(1).optional().describe('/IMAGE/INDEX (1-based); differs between ISOs, prefer name.'),
    /** `/IMAGE/DESCRIPTION` of the image. */
    description: lineOfText(256, 'Value').optional().describe('/IMAGE/DESCRIPTION of the image.'),
    /** Product key `XXXXX-XXXXX-XXXXX-XXXXX-XXXXX`; without one Setup asks only if the media needs it. */
    productKey: z
      .string()
      .regex(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){4}$/, {
        error: 'is not a product key like XXXXX-XXXXX-XXXXX-XXXXX-XXXXX',
      })
      .optional()
      .describe('Product key XXXXX-XXXXX-XXXXX-XXXXX-XXXXX; omit for evaluation and multi-edition media.'),
  })
  .prefault({})
  .describe('Which image of the install media to install; at most one of name, index, description.');

/** The target disk and its partitions; the layout (GPT or MBR) follows the firmware. */
export const diskSchema = z
  .strictObject({
    /** 0-based index of the target disk (another disk attached earlier shifts it). */
    diskId: z.int().min(0).default(0).describe('0-based index of the target disk.'),
    /** Erase the disk first. Without it, the disk must be empty for the partitions to be created. */
    wipe: z.boolean().default(true).describe('Erase the disk first; without it the disk must be empty.'),
    /** EFI system partition size in MB: 100, or 260 for 4Kn (4096-byte sector) disks. UEFI only. */
    espSizeMb: z
      .union([z.literal(100), z.literal(260)])
      .default(100)
      .describe('EFI system partition size in MB: 100, or 260 for 4Kn disks. UEFI only.'),
    /** A Windows RE recovery partition of `sizeMb` (≥ 300) before the Windows partition. */
    recovery: z
      .strictObject({
        /** Size in MB, at least 300. */
        sizeMb: z.int().min(300).default(1000).describe('Size in MB, at least 300.'),
      })
      .optional()
      .describe('Adds a recovery partition before Windows, which takes the rest of the disk.'),
  })
  .prefault({})
  .describe('The target disk; GPT for uefi, MBR for bios.');
