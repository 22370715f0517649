import { EditionError } from './errors';
import type { InstallMedia } from './inspect-install-media';
import type { WimImage } from './wim/wim-info';

/**
 * Names one edition, as an answer file's `/IMAGE/INDEX`, `/IMAGE/NAME` or an edition ID does.
 * Exactly one field must be given. Names and edition IDs compare without regard to case.
 */
export interface EditionSelector {
  /** 1-based image index. */
  index?: number;
  /** Image `NAME`, e.g. `Windows 11 Pro` (exact, so `Windows 11 Pro` never picks `Windows 11 Pro N`). */
  name?: string;
  /** `EDITIONID`, e.g. `Professional`. */
  editionId?: string;
}

/** Returns the one image `selector` names, or throws an `EditionError` listing the editions on the media. */
export function resolveEdition(media: Pick<InstallMedia, 'images'>, selector: EditionSelector): WimImage {
  const given = (['index', 'name', 'editionId'] as const).filter((key) => selector[key] !== undefined);
  if (given.length !== 1) {
    throw new EditionError(
      'invalid-selector',
      `An edition selector needs exactly one of index, name or editionId; got ${given.length === 0 ? 'none' : given.join(', ')}.`,
    );
  }
  const key = given[0] as keyof EditionSelector;
  const wanted = String(selector[key]).trim().toLowerCase();
  const matches = media.images.filter((image) => String(image[key] ?? '').toLowerCase() === wanted);
  const described = `${key === 'editionId' ? 'edition ID' : key} ${JSON.stringify(selector[key])}`;
  if (matches.length === 1) return matches[0] as WimImage;
  if (matches.length > 1) {
    throw new EditionError(
      'ambiguous-edition',
      `${described} matches ${matches.length} images (${listEditions(matches)}); select by index instead.`,
      matches.map(summary),
    );
  }
  throw new EditionError(
    'edition-not-found',
    `${described} is not on this media; it holds ${listEditions(media.images)}.`,
    media.images.map(summary),
  );
}

/** `1 "Windows 11 Home" (Core), 2 "Windows 11 Pro" (Professional)` — or `no images`. */
export function listEditions(images: readonly WimImage[]): string {
  if (images.length === 0) return 'no images';
  return images
    .map((i) => `${i.index} ${JSON.stringify(i.name)}${i.editionId ? ` (${i.editionId})` : ''}`)
    .join(', ');
}

function summary({ index, name, editionId }: WimImage) {
  return { index, name, editionId };
}
