import { describe, expect, test } from 'vitest';
import { germanX64, image } from './__fixtures__/media-data';
import { EditionError } from './errors';
import { type EditionSelector, resolveEdition } from './resolve-edition';

describe('resolveEdition', () => {
  test.each<[EditionSelector, number]>([
    [{ index: 3 }, 3],
    [{ name: 'Windows 11 Pro' }, 2],
    [{ name: 'windows 11 pro n' }, 3],
    [{ name: ' Windows 11 Education ' }, 4],
    [{ editionId: 'professional' }, 2],
    [{ editionId: 'Core' }, 1],
  ])('%j selects image %d', (selector, index) => {
    expect(resolveEdition(germanX64, selector).index).toBe(index);
  });

  test.each<[EditionSelector, string]>([
    [{ name: 'Windows 11 Pro Education' }, 'name "Windows 11 Pro Education" is not on this media'],
    [{ index: 6 }, 'index 6 is not on this media'],
    [{ editionId: 'Enterprise' }, 'edition ID "Enterprise" is not on this media'],
  ])('%j fails and lists the editions that exist', (selector, start) => {
    const error = (() => {
      try {
        return resolveEdition(germanX64, selector);
      } catch (e) {
        return e;
      }
    })() as EditionError;
    expect(EditionError.isInstance(error) && error.code).toBe('edition-not-found');
    expect(error.message).toBe(
      `${start}; it holds 1 "Windows 11 Home" (Core), 2 "Windows 11 Pro" (Professional), 3 "Windows 11 Pro N" (ProfessionalN), 4 "Windows 11 Education" (Education).`,
    );
    expect(error.editions.map((e) => e.name)).toEqual(germanX64.images.map((i) => i.name));
  });

  test.each<[EditionSelector, string]>([
    [{}, 'got none'],
    [{ index: 1, name: 'Windows 11 Home' }, 'got index, name'],
  ])('%j is not a valid selector', (selector, detail) => {
    expect(() => resolveEdition(germanX64, selector)).toThrow(detail);
  });

  test('an edition ID shared by two images is ambiguous and asks for an index', () => {
    const media = {
      images: [
        image(1, 'Server Standard', 'ServerStandard', 'amd64', []),
        image(2, 'Server Standard (Desktop)', 'ServerStandard', 'amd64', []),
      ],
    };
    expect(() => resolveEdition(media, { editionId: 'ServerStandard' })).toThrow(
      /matches 2 images .*select by index/,
    );
  });
});
