import { EditionError } from './errors';
import type { InstallMedia } from './inspect-install-media';
import { type EditionSelector, resolveEdition } from './resolve-edition';
import type { WimImage, WindowsArch } from './wim/wim-info';

/** What an answer file asks of the media (each field optional: only given fields are checked). */
export interface MediaExpectation {
  /** `processorArchitecture` of the answer file's components, e.g. `amd64` or `arm64`. */
  arch?: WindowsArch;
  /** The edition the answer file installs. */
  edition?: EditionSelector;
  /** `UILanguage`, e.g. `en-US`; must be a language of the media or Setup stops at the language page. */
  uiLanguage?: string;
}

/** One way an answer file and the media disagree. */
export interface MediaMismatch {
  /** The expectation field at fault. */
  path: 'arch' | 'edition' | 'uiLanguage';
  code:
    | 'arch-mismatch'
    | 'edition-not-found'
    | 'ambiguous-edition'
    | 'invalid-selector'
    | 'language-not-on-media';
  /** One readable sentence: what is wrong, the value, and what to do. */
  message: string;
  /** What the media offers instead (architectures, `index "name"` editions, or languages). */
  available: string[];
}

/**
 * Compares what an answer file asks for with what the media holds and returns every mismatch at once
 * (an empty array when they agree). Architecture and languages are checked against the selected
 * edition when it exists, otherwise against all images.
 */
export function checkAgainstMedia(
  media: Pick<InstallMedia, 'images'>,
  expected: MediaExpectation,
): MediaMismatch[] {
  const problems: MediaMismatch[] = [];
  let targets: readonly WimImage[] = media.images;
  if (expected.edition) {
    try {
      targets = [resolveEdition(media, expected.edition)];
    } catch (error) {
      if (!EditionError.isInstance(error)) throw error;
      const code = error.code as 'edition-not-found' | 'ambiguous-edition' | 'invalid-selector';
      const available = media.images.map((i) => `${i.index} ${JSON.stringify(i.name)}`);
      problems.push({ path: 'edition', code, message: error.message, available });
    }
  }
  const arches = unique(targets.map((i) => i.arch));
  if (expected.arch && arches.length > 0 && !arches.includes(expected.arch)) {
    problems.push({
      path: 'arch',
      code: 'arch-mismatch',
      message: `The answer file targets ${expected.arch} but the ${where(targets, media)} is ${arches.join('/')}; use ${arches.join(' or ')} components or media for ${expected.arch}.`,
      available: arches,
    });
  }
  const languages = unique(targets.flatMap((i) => i.languages));
  const wanted = expected.uiLanguage?.toLowerCase();
  if (wanted && languages.length > 0 && !languages.some((l) => l.toLowerCase() === wanted)) {
    problems.push({
      path: 'uiLanguage',
      code: 'language-not-on-media',
      message: `UI language "${expected.uiLanguage}" is not on the ${where(targets, media)} (it has ${languages.join(', ')}); Setup would stop at the language page: use ${languages[0]} or media in ${expected.uiLanguage}.`,
      available: languages,
    });
  }
  return problems;
}

function where(targets: readonly WimImage[], media: Pick<InstallMedia, 'images'>): string {
  const only = targets[0];
  return targets.length === 1 && media.images.length > 1 && only
    ? `edition ${JSON.stringify(only.name)}`
    : 'media';
}

function unique<T>(values: readonly (T | undefined)[]): T[] {
  return [...new Set(values.filter((v): v is T => v !== undefined))];
}
