import type { Guest } from './guest-schema';

/** How an image of the install media is chosen. */
export type EditionSelector = { name: string } | { index: number } | { description: string };

/** The edition the description asks for, as a selector; undefined means the family's default. */
export function editionSelector(guest: Pick<Guest, 'edition'>): EditionSelector | undefined {
  const { edition } = guest;
  if (edition === undefined) return undefined;
  if (typeof edition === 'string') return { name: edition };
  if (edition.index !== undefined) return { index: edition.index };
  if (edition.description !== undefined) return { description: edition.description };
  return edition.name === undefined ? undefined : { name: edition.name };
}
