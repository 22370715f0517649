import { basename } from 'node:path';
import { fileShareSchema } from '@winguest/qemu-args';
import * as z from 'zod';

/**
 * Drive letters a share cannot take: A and B (floppies), C (the system drive) and D, E, F, which
 * Windows gives the Windows, cidata and driver CDs attached in that order.
 */
export const reservedDriveLetters = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

const shareSchema = z
  .object({
    hostPath: z.string().min(1, 'must not be empty').describe('Host directory to share (must exist)'),
    tag: fileShareSchema.shape.tag
      .refine((tag) => /^[^\s",]+$/.test(tag), 'must not contain spaces, commas or double quotes')
      .optional()
      .describe('virtio-fs tag (1-36 bytes); default: the directory name'),
    readOnly: z.boolean().default(false).describe('The guest cannot write to it'),
    driveLetter: z
      .string()
      .regex(/^[A-Za-z]$/, 'must be one letter')
      .transform((letter) => letter.toUpperCase())
      .optional()
      .describe('Drive letter in Windows; default: the next free one from Z down'),
  })
  .strict();

/** A share with every default applied. */
export interface ResolvedShare {
  hostPath: string;
  tag: string;
  readOnly: boolean;
  driveLetter: string;
}

/** Host folders shared with the guest (virtio-fs, else SMB); several allowed, each its own tag and letter. */
export const sharesSchema = z
  .array(shareSchema)
  .default([])
  .superRefine((shares, ctx) => {
    const resolved = resolveShares(shares);
    for (const key of ['tag', 'driveLetter'] as const) {
      const first = new Map<string, number>();
      resolved.forEach((share, i) => {
        const seen = first.get(share[key]);
        if (seen === undefined) first.set(share[key], i);
        else
          ctx.addIssue({
            code: 'custom',
            path: [i, key],
            message: `${JSON.stringify(share[key])} is already used by shares[${seen}]; set a different ${key}`,
          });
      });
    }
    resolved.forEach((share, i) => {
      if ((reservedDriveLetters as readonly string[]).includes(share.driveLetter))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'driveLetter'],
          message: `"${share.driveLetter}" is not free: C is the system drive, D-F the install and driver CDs; use G-Z`,
        });
    });
  })
  .describe('Host folders shared with the guest: [{ hostPath, tag?, readOnly?, driveLetter? }]');

/** Applies the defaults: the tag from the directory name, letters from Z down skipping taken ones. Pure. */
export function resolveShares(shares: ReadonlyArray<z.output<typeof shareSchema>>): ResolvedShare[] {
  const taken = new Set(shares.flatMap((s) => (s.driveLetter ? [s.driveLetter] : [])));
  const free = [...'ZYXWVUTSRQPONMLKJIHG'].filter((letter) => !taken.has(letter));
  return shares.map((share, i) => ({
    hostPath: share.hostPath,
    tag: share.tag ?? defaultTag(share.hostPath, i),
    readOnly: share.readOnly,
    driveLetter: share.driveLetter ?? free.shift() ?? 'Z',
  }));
}

function defaultTag(hostPath: string, index: number): string {
  const name = basename(hostPath.replace(/[\\/]+$/, '')).replace(/[^A-Za-z0-9._-]/g, '_');
  return name ? name.slice(0, 36) : `share${index}`;
}
