import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { VmError } from './errors';
import { instanceNameSchema } from './instance-name';
import { upOptionsSchema } from './up-options';

/** The instance settings a clone must share with its image to boot its disk. */
export const imageBootSchema = upOptionsSchema.pick({
  arch: true,
  os: true,
  cpus: true,
  memoryMiB: true,
  firmware: true,
  secureBoot: true,
  tpm: true,
  disk: true,
  nic: true,
  kernel: true,
  ssh: true,
});

/** What the caller knows about the guest inside (the vm package stores it, never reads it). */
export const imageGuestSchema = z.object({
  /** Windows family, e.g. `windows11`. */
  family: z.string().optional(),
  /** Local account names. Passwords are never stored. */
  users: z.array(z.string()).default([]),
  /** Names of the provisioning steps that ran in the source. */
  provisioning: z.array(z.string()).default([]),
});

/** `image.json`: what an image is and everything needed to boot a clone of it. */
export const imageMetadataSchema = z.object({
  /** Format version of this file. */
  version: z.literal(1),
  /** Image name (directory name). */
  name: instanceNameSchema,
  /** When the image was stored (ISO 8601). */
  createdAt: z.iso.datetime(),
  /** The instance it was made from, and when that instance finished installing. */
  source: z.object({ instance: instanceNameSchema, installedAt: z.string().optional() }),
  /** Sysprep generalized it: each clone runs specialize and OOBE and gets its own SID and name. */
  generalized: z.boolean(),
  /** Devices, firmware and login of the source: clones boot with these. */
  boot: imageBootSchema,
  /** Family, users and provisioning of the guest, as the caller described it. */
  guest: imageGuestSchema.default({ users: [], provisioning: [] }),
  /** Size of the compacted disk file, bytes. */
  diskBytes: z.int().nonnegative(),
  /** Whether UEFI vars are stored with the image. */
  hasVars: z.boolean(),
});

/** A parsed `image.json`. */
export type ImageMetadata = z.output<typeof imageMetadataSchema>;

/**
 * Reads and validates an image's metadata.
 * @throws VmError `image-not-found` when absent, `invalid-options` naming every bad field.
 */
export function readImageMetadata(path: string, name: string): ImageMetadata {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new VmError('image-not-found', `No image "${name}"; list images with "winguest image ls".`);
  }
  const parsed = imageMetadataSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new VmError(
      'invalid-options',
      `${path} is not a valid image description:\n  ${lines.join('\n  ')}`,
    );
  }
  return parsed.data;
}
