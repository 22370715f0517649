import * as z from 'zod';
import { bad, mediaFileSchema, mediaPathSchema } from '../common-schemas';
import { type PowerShellCode, ps } from '../powershell-code';
import type { RenderedStep } from './rendered-step';
import { sharedFoldersHelpers } from './shared-folders-helpers';

/** A drive letter a share may take: not A-C (floppies, the system drive). */
const driveLetterSchema = z
  .string()
  .regex(/^[D-Zd-z]$/, { error: bad('is not a drive letter from D to Z') })
  .transform((letter) => letter.toUpperCase());

/** One virtio-fs share: the device's tag and the drive letter it is mounted at. */
const virtioFsShareSchema = z.object({
  /** The `vhost-user-fs-pci` tag (1-36 bytes). */
  tag: z
    .string()
    .min(1, { error: 'must not be empty' })
    .refine((tag) => new TextEncoder().encode(tag).length <= 36, {
      error: bad('is longer than the 36 bytes a virtio-fs tag holds'),
    })
    .refine((tag) => /^[^\s"]+$/.test(tag), {
      error: bad('has a space or a double quote; the startup task passes the tag on a command line'),
    }),
  /** The drive letter it appears as. */
  driveLetter: driveLetterSchema,
  /** The host serves it read-only (virtiofsd refuses writes); the log and progress line say so. */
  readOnly: z.boolean().default(false),
});

const virtioFsSchema = z
  .object({
    mode: z.literal('virtio-fs'),
    /** The WinFsp MSI on the media (virtiofs.exe is a WinFsp file system), verified by SHA-256. */
    winfspMsi: mediaFileSchema,
    /** virtio-win's `virtiofs.exe` on the media; copied to `%ProgramFiles%\winguest\virtiofs.exe`. */
    virtiofsExe: mediaPathSchema,
    /** The virtio-fs driver's .inf on the media (`viofs/<os>/<arch>/viofs.inf`), if Windows lacks it. */
    driverInf: mediaPathSchema.optional(),
    /** Every share, each at its own letter. */
    shares: z.array(virtioFsShareSchema).min(1, { error: 'needs at least one share' }),
  })
  .strict()
  .superRefine((options, ctx) => unique(options.shares, ctx));

const smbSchema = z
  .object({
    mode: z.literal('smb'),
    /** The letter QEMU's user-network SMB share (`\\10.0.2.4\qemu`) is mapped to. */
    driveLetter: driveLetterSchema,
  })
  .strict();

/**
 * Options of the `shared-folders` step. `virtio-fs`: WinFsp, the viofs driver and virtiofs.exe,
 * one WinFsp.Launcher instance per share (how virtio-win runs several file systems: VirtioFsSvc
 * serves one), remounted at every start by a scheduled task. `smb`: `net use` of QEMU's SMB share.
 */
export const sharedFoldersStepSchema = z.discriminatedUnion('mode', [virtioFsSchema, smbSchema]);

/** The input of the `shared-folders` step. */
export type SharedFoldersStepOptions = z.input<typeof sharedFoldersStepSchema>;

function unique(shares: Array<{ tag: string; driveLetter: string }>, ctx: z.RefinementCtx): void {
  for (const key of ['tag', 'driveLetter'] as const) {
    const first = new Map<string, number>();
    shares.forEach((share, i) => {
      const seen = first.get(share[key]);
      if (seen === undefined) first.set(share[key], i);
      else
        ctx.addIssue({
          code: 'custom',
          path: ['shares', i, key],
          message: `${JSON.stringify(share[key])} is already used by shares[${seen}]; each share needs its own ${key}`,
        });
    });
  }
}

/** QEMU's user-network SMB share, as the guest sees it. */
export const qemuSmbShare = '\\\\10.0.2.4\\qemu';

/** Renders the `shared-folders` step. */
export function renderSharedFoldersStep(options: z.output<typeof sharedFoldersStepSchema>): RenderedStep {
  if (options.mode === 'smb') {
    const body = ps`Mount-WinguestSmbShare -DriveLetter ${options.driveLetter} -Share ${qemuSmbShare}`;
    return { name: 'shared-folders', helpers: sharedFoldersHelpers(), body };
  }
  const driver = options.driverInf
    ? ps`Install-WinguestDriver -InfPath (Get-WinguestMediaPath -RelativePath ${options.driverInf})`
    : ps``;
  const mounts = options.shares.map(
    (share): PowerShellCode =>
      share.readOnly
        ? ps`Mount-WinguestVirtioFs -Tag ${share.tag} -DriveLetter ${share.driveLetter} -ReadOnly`
        : ps`Mount-WinguestVirtioFs -Tag ${share.tag} -DriveLetter ${share.driveLetter}`,
  );
  const body = ps`if ($null -eq (Get-Service -Name 'WinFsp.Launcher' -ErrorAction SilentlyContinue)) {
    Install-WinguestMsi -Path (Get-WinguestMediaPath -RelativePath ${options.winfspMsi.path}) -ExpectedHash ${options.winfspMsi.sha256}
}
${driver}
$exe = Join-Path -Path $env:ProgramFiles -ChildPath 'winguest\virtiofs.exe'
Copy-WinguestFile -Source (Get-WinguestMediaPath -RelativePath ${options.virtiofsExe}) -Destination $exe
Register-WinguestVirtioFs -Executable $exe
Register-WinguestShareTask -Tags ${options.shares.map((s) => s.tag)} -DriveLetters ${options.shares.map((s) => s.driveLetter)}
${mounts}`;
  return { name: 'shared-folders', helpers: sharedFoldersHelpers(), body };
}
