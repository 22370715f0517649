import { describe, expect, test } from 'vitest';
import { germanX64, image } from './__fixtures__/media-data';
import { checkAgainstMedia } from './check-against-media';

describe('checkAgainstMedia', () => {
  test('an answer file that fits the media has no mismatches', () => {
    expect(
      checkAgainstMedia(germanX64, {
        arch: 'amd64',
        edition: { name: 'Windows 11 Pro' },
        uiLanguage: 'de-de',
      }),
    ).toEqual([]);
  });

  test('reports architecture, edition and language mismatches all at once', () => {
    const problems = checkAgainstMedia(germanX64, {
      arch: 'arm64',
      edition: { name: 'Windows 11 Enterprise' },
      uiLanguage: 'en-US',
    });
    expect(problems.map((p) => [p.path, p.code, p.available])).toEqual([
      [
        'edition',
        'edition-not-found',
        ['1 "Windows 11 Home"', '2 "Windows 11 Pro"', '3 "Windows 11 Pro N"', '4 "Windows 11 Education"'],
      ],
      ['arch', 'arch-mismatch', ['amd64']],
      ['uiLanguage', 'language-not-on-media', ['de-DE']],
    ]);
    expect(problems[1]?.message).toBe(
      'The answer file targets arm64 but the media is amd64; use amd64 components or media for arm64.',
    );
    expect(problems[2]?.message).toBe(
      'UI language "en-US" is not on the media (it has de-DE); Setup would stop at the language page: use de-DE or media in en-US.',
    );
  });

  test('on mixed media, architecture and languages are those of the selected edition', () => {
    const media = {
      images: [
        image(1, 'Windows 11 Pro', 'Professional', 'amd64', ['en-US']),
        image(2, 'Windows 11 Pro ARM64', 'Professional', 'arm64', ['ja-JP']),
      ],
    };
    const problems = checkAgainstMedia(media, { arch: 'amd64', edition: { index: 2 }, uiLanguage: 'en-US' });
    expect(problems.map((p) => p.message)).toEqual([
      'The answer file targets amd64 but the edition "Windows 11 Pro ARM64" is arm64; use arm64 components or media for amd64.',
      'UI language "en-US" is not on the edition "Windows 11 Pro ARM64" (it has ja-JP); Setup would stop at the language page: use ja-JP or media in en-US.',
    ]);
    expect(checkAgainstMedia(media, { arch: 'arm64', uiLanguage: 'ja-JP' })).toEqual([]);
  });

  test('fields left out are not checked, and images without metadata do not produce mismatches', () => {
    expect(checkAgainstMedia(germanX64, {})).toEqual([]);
    const bare = { images: [{ ...image(1, 'Custom', 'Core', 'amd64', []), arch: undefined }] };
    expect(checkAgainstMedia(bare, { arch: 'arm64', uiLanguage: 'en-US' })).toEqual([]);
  });
});
