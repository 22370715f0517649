import { asciiOnly } from './joliet-names';
/** An ISO 9660 level-1 identifier derived from a real name. */
export interface IsoName {
  /** Up to 8 d-characters (A–Z, 0–9, _). */
  stem: string;
  /** Up to 3 d-characters; files only, may be empty. */
  extension: string;
}

/**
 * Derives unique ISO 9660 level-1 (8.3) names for the entries of one directory. `names` must be in
 * a stable order (the caller passes Joliet order); the first to claim a name keeps it, later
 * collisions get the lowest free decimal counter at the end of the stem (`AUTOUN01`). Returns names
 * by index. Linear in the entries: names are never given back, so a counter once found taken for a
 * stem prefix is not tried again (`file-1000` … `file-1999` would otherwise retry 1, 2, 3… each).
 */
export function deriveIsoNames(entries: readonly { name: string; isDirectory: boolean }[]): IsoName[] {
  const taken = new Set<string>();
  const firstUntried = new Map<string, number>();
  return entries.map(({ name, isDirectory }) => {
    const wanted = initialName(name, isDirectory);
    if (!taken.has(isoSortKey(wanted))) {
      taken.add(isoSortKey(wanted));
      return wanted;
    }
    for (let digits = 1; ; digits++) {
      // Counters of `digits` digits replace the end of the stem: their names depend on this prefix.
      const prefix = wanted.stem.slice(0, 8 - digits);
      const series = `${prefix}/${digits}.${wanted.extension}`;
      const end = 10 ** digits;
      for (let counter = firstUntried.get(series) ?? 10 ** (digits - 1); counter < end; counter++) {
        const candidate = { stem: prefix + String(counter), extension: wanted.extension };
        if (taken.has(isoSortKey(candidate))) continue;
        firstUntried.set(series, counter + 1);
        taken.add(isoSortKey(candidate));
        return candidate;
      }
      firstUntried.set(series, end);
    }
  });
}

/** The identifier as recorded: `STEM.EXT;1` for files, `STEM` for directories. */
export function isoIdentifier(name: IsoName, isDirectory: boolean): string {
  return isDirectory ? name.stem : `${name.stem}.${name.extension};1`;
}

/**
 * Key whose plain string order is ECMA-119 9.3 order (by name, then extension, each padded with
 * spaces): every d-character sorts after both the space and the ".", so `STEM.EXT` compares as the
 * padded pair does without padding. Computed once per entry; sorting allocates nothing per comparison.
 */
export function isoSortKey(name: IsoName): string {
  return `${name.stem}.${name.extension}`;
}

function initialName(name: string, isDirectory: boolean): IsoName {
  const dot = isDirectory ? -1 : name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot + 1) : '';
  return { stem: dChars(stem, 8) || '_', extension: dChars(extension, 3) };
}

function dChars(text: string, max: number): string {
  const ascii = (
    asciiOnly.test(text) ? text : text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
  ).toUpperCase();
  return ascii.replace(/[^A-Z0-9_]/g, '_').slice(0, max);
}
