import { assertReadableIso } from '../commands/media';
import type { Config } from '../config/config-schema';
import { CliError } from '../errors';

export interface MediaFacts {
  path: string;
  label: string;
  arch: 'amd64' | 'arm64' | undefined;
  /** The edition to install, by its name on this media. */
  edition: { name: string };
  /** Every edition on the media, `index "name"`, for summaries. */
  editions: string[];
  noPromptBootImage: boolean;
}

/**
 * Inspects the Windows ISO and refuses, listing what the media holds, when the configured edition,
 * architecture or UI language is not on it. With no edition configured, the family's usual one
 * (Pro / Standard) is picked when present, else the first image.
 */
export async function checkMedia(path: string, config: Config): Promise<MediaFacts> {
  await assertReadableIso(path);
  const { checkAgainstMedia, inspectInstallMedia, listEditions } = await import('@winguest/install-media');
  const media = await inspectInstallMedia(path);
  const selector = editionSelector(config, media.images);
  const mismatches = checkAgainstMedia(media, {
    ...(config.arch ? { arch: config.arch } : {}),
    edition: selector,
    uiLanguage: config.uiLanguage,
  });
  if (mismatches.length > 0) {
    throw new CliError('media-mismatch', `The config does not match ${media.label} (${path})`, {
      details: [
        ...mismatches.map((m) => `${m.path}: ${m.message}`),
        ...(mismatches.some((m) => m.path === 'edition')
          ? []
          : [`editions on the media: ${listEditions(media.images)}`]),
      ],
      hint: 'choose an edition, arch and uiLanguage the media has (see `winguest media inspect`)',
    });
  }
  const image = media.images.find((i) =>
    'index' in selector ? i.index === selector.index : i.name.toLowerCase() === selector.name.toLowerCase(),
  );
  const arch = media.arch === 'amd64' || media.arch === 'arm64' ? media.arch : undefined;
  if (!arch && !config.arch) {
    throw new CliError(
      'media-arch',
      `${media.label} is ${media.arch ?? 'of unknown architecture'}; winguest installs amd64 or arm64`,
      {
        hint: 'use x64 or ARM64 media, or set arch explicitly',
      },
    );
  }
  return {
    path,
    label: media.label,
    arch,
    edition: { name: image?.name ?? '' },
    editions: media.images.map((i) => `${i.index} "${i.name}"`),
    noPromptBootImage: media.noPromptBootImage,
  };
}

const usualEditionIds: Record<Config['family'], string[]> = {
  windows10: ['Professional'],
  windows11: ['Professional'],
  server2022: ['ServerStandard'],
  server2025: ['ServerStandard'],
};

interface ImageSummary {
  index: number;
  name: string;
  editionId: string | undefined;
  installationType: string | undefined;
}

function editionSelector(
  config: Config,
  images: readonly ImageSummary[],
): { index: number } | { name: string } {
  if (typeof config.edition === 'string') return { name: config.edition };
  if (config.edition) return config.edition;
  const usual = images.filter((i) => usualEditionIds[config.family].includes(i.editionId ?? ''));
  // Servers: Desktop Experience ("Server") before Server Core.
  const desktop = usual.find((i) => i.installationType !== 'Server Core');
  return { name: (desktop ?? usual[0] ?? images[0])?.name ?? '' };
}
