import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { deriveIsoNames, type IsoName, isoSortKey } from './iso-names';

/** The rule as the ISO 9660 names document it: each collision tries counters 1, 2, 3… in turn. */
function lowestFreeCounter(wanted: IsoName[]): string[] {
  const taken = new Set<string>();
  return wanted.map((name) => {
    let stem = name.stem;
    for (let counter = 1; taken.has(`${stem}.${name.extension}`); counter++) {
      const digits = String(counter);
      stem = name.stem.slice(0, 8 - digits.length) + digits;
    }
    taken.add(`${stem}.${name.extension}`);
    return `${stem}.${name.extension}`;
  });
}

const asFiles = (names: string[]) => names.map((name) => ({ name, isDirectory: false }));
const keys = (names: IsoName[]) => names.map((n) => `${n.stem}.${n.extension}`);
/** What each name would get alone: its own name derived without any sibling. */
const alone = (names: string[]) => names.map((name) => deriveIsoNames(asFiles([name]))[0] as IsoName);

describe('ISO 9660 names of colliding entries', () => {
  test('a directory of similar names gets the lowest free counter for each, as if tried one by one', () => {
    const names = Array.from({ length: 2000 }, (_, i) => `file-${i}.txt`).sort();
    const derived = keys(deriveIsoNames(asFiles(names)));
    expect(derived).toEqual(lowestFreeCounter(alone(names)));
    expect(new Set(derived).size).toBe(names.length);
    expect(derived.slice(0, 3)).toEqual(['FILE_0.TXT', 'FILE_1.TXT', 'FILE_10.TXT']);
  });

  test('counters agree with trying 1, 2, 3… for any mix of names sharing stems', () => {
    const similar = fc.stringMatching(/^(autounattend|driver|file-1|file-10)[0-9a-c]{0,3}\.(xml|inf|txt)$/);
    fc.assert(
      fc.property(fc.uniqueArray(similar, { maxLength: 300 }), (names) => {
        const derived = keys(deriveIsoNames(asFiles(names)));
        expect(derived).toEqual(lowestFreeCounter(alone(names)));
      }),
      { numRuns: 200, seed: 20261130 },
    );
  });

  test('the sort key orders like the space-padded name and extension of ECMA-119 9.3', () => {
    const padded = (n: IsoName) => `${n.stem.padEnd(8)}${n.extension.padEnd(3)}`;
    const name = fc.record({
      stem: fc.stringMatching(/^[A-Z0-9_]{1,8}$/),
      extension: fc.stringMatching(/^[A-Z0-9_]{0,3}$/),
    });
    fc.assert(
      fc.property(name, name, (a, b) => {
        const byKey = isoSortKey(a) < isoSortKey(b) ? -1 : isoSortKey(a) > isoSortKey(b) ? 1 : 0;
        const byPadding = padded(a) < padded(b) ? -1 : padded(a) > padded(b) ? 1 : 0;
        expect(byKey).toBe(byPadding);
      }),
      { numRuns: 2000, seed: 20261130 },
    );
  });
});
