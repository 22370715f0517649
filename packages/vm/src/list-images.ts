import { readdirSync } from 'node:fs';
import * as z from 'zod';
import { imageMetadataSchema, readImageMetadata } from './image-metadata';
import { imagePaths, imagesDir } from './image-paths';
import { instancesUsingImage } from './image-users';
import { defaultHome } from './state-dir';

/** One stored image, with the instances cloned from it: what `image ls|inspect --json` print. */
export const imageSummarySchema = imageMetadataSchema.extend({
  /** The image directory. */
  dir: z.string(),
  /** Instances whose disk is an overlay on this image (they keep it from being removed). */
  usedBy: z.array(z.string()),
  /**
   * What every clone has in common with the source instance and with each other. A generalized
   * image gives each clone its own SID, computer name, host keys and passwords; accounts and
   * installed software stay.
   */
  shares: z.array(z.string()),
});

/** A parsed {@link imageSummarySchema}. */
export type ImageSummary = z.output<typeof imageSummarySchema>;

const sharedByEveryClone = ['installed software, settings and files', 'local accounts (names)'];
const sharedWithoutSysprep = [
  'machine SID (no two may join one domain)',
  'computer name',
  'SSH host keys',
  'account passwords',
];

/** What clones of an image share: more for a non-generalized one. */
export function imageShares(generalized: boolean): string[] {
  return generalized ? sharedByEveryClone : [...sharedByEveryClone, ...sharedWithoutSysprep];
}

/**
 * One image with what it shares and who uses it.
 * @throws VmError `image-not-found`.
 */
export function inspectImage(options: { name: string; home?: string }): ImageSummary {
  const home = options.home ?? defaultHome();
  const paths = imagePaths(options.name, home);
  const metadata = readImageMetadata(paths.metadata, options.name);
  return {
    ...metadata,
    dir: paths.dir,
    usedBy: instancesUsingImage(home, metadata.name),
    shares: imageShares(metadata.generalized),
  };
}

/** Every image under `home`, sorted by name; staging and lock files are skipped. */
export function listImages(options: { home?: string } = {}): ImageSummary[] {
  const home = options.home ?? defaultHome();
  let entries: string[];
  try {
    entries = readdirSync(imagesDir(home), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.includes('.staging-'))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
  return entries.map((name) => inspectImage({ name, home }));
}
