import { checkAgainstMedia, type InstallMedia, listEditions } from '@winguest/install-media';
import { type EditionSelector, editionSelector } from './edition';
import { type GuestIssue, MediaMismatchError } from './errors';
import type { Guest } from './guest-schema';

/** What the media decided for the guest. */
export interface MediaChoice {
  /** The architecture of the media, when it is one winguest installs. */
  arch: 'amd64' | 'arm64' | undefined;
  /** The edition to install, by its name on this media. */
  edition: { name: string };
}

const usualEditionIds: Record<Guest['family'], string[]> = {
  windows10: ['Professional'],
  windows11: ['Professional'],
  server2022: ['ServerStandard'],
  server2025: ['ServerStandard'],
};

type Media = Pick<InstallMedia, 'label' | 'arch' | 'images'>;

/**
 * Checks the description against the install media (read by `inspectInstallMedia`) and picks the
 * edition: the described one, else the family's usual one (Pro / Standard with Desktop
 * Experience), else the first image. Pure.
 * @throws MediaMismatchError listing every mismatch and what the media holds.
 */
export function checkMedia(guest: Guest, media: Media): MediaChoice {
  const issues: GuestIssue[] = [];
  const described = editionSelector(guest);
  const selector = described ? toMediaSelector(described, media, issues) : usualEdition(guest, media);
  const mismatches = checkAgainstMedia(media, {
    ...(guest.arch ? { arch: guest.arch } : {}),
    ...(selector ? { edition: selector } : {}),
    uiLanguage: guest.uiLanguage,
  });
  issues.push(...mismatches.map((m) => ({ path: m.path, message: m.message })));
  const arch = media.arch === 'amd64' || media.arch === 'arm64' ? media.arch : undefined;
  if (!arch && !guest.arch) {
    issues.push({
      path: 'arch',
      message: `${media.label} is ${media.arch ?? 'of unknown architecture'}; winguest installs amd64 or arm64: use x64 or ARM64 media, or set arch`,
    });
  }
  if (issues.length > 0) {
    if (!issues.some((issue) => issue.path === 'edition'))
      issues.push({ path: 'media', message: `editions on the media: ${listEditions(media.images)}` });
    throw new MediaMismatchError(media.label, issues);
  }
  const image = media.images.find((i) =>
    selector && 'index' in selector
      ? i.index === selector.index
      : i.name.toLowerCase() === selector?.name?.toLowerCase(),
  );
  return { arch, edition: { name: image?.name ?? '' } };
}

function toMediaSelector(selector: EditionSelector, media: Media, issues: GuestIssue[]) {
  if (!('description' in selector)) return selector;
  const image = media.images.find((i) => i.description?.toLowerCase() === selector.description.toLowerCase());
  if (image) return { index: image.index };
  issues.push({
    path: 'edition',
    message: `description ${JSON.stringify(selector.description)} is not on this media; it holds ${listEditions(media.images)}`,
  });
  return undefined;
}

function usualEdition(guest: Guest, media: Media): { name: string } {
  const usual = media.images.filter((i) => usualEditionIds[guest.family].includes(i.editionId ?? ''));
  // Servers: Desktop Experience ("Server") before Server Core.
  const desktop = usual.find((i) => i.installationType !== 'Server Core');
  return { name: (desktop ?? usual[0] ?? media.images[0])?.name ?? '' };
}
