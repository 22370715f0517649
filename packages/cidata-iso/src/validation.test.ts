import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  createIsoStream,
  InvalidLayoutError,
  InvalidOptionError,
  type IsoLayout,
  readIso,
  writeIso,
} from './index';
import { deriveIsoNames } from './iso-names';

const file = (path: string) => ({ type: 'file' as const, path, source: 'x' });

async function issuesOf(layout: IsoLayout): Promise<string[]> {
  const error = await createIsoStream(layout).catch((e: unknown) => e);
  if (!(error instanceof InvalidLayoutError))
    throw new Error(`expected InvalidLayoutError, got ${String(error)}`);
  return error.issues.map((i) => `${i.path}: ${i.message}`);
}

describe('layout checks', () => {
  test.each([
    ['a*b.txt', /contains "\*" \(U\+002A\), which Joliet forbids/],
    ['a:b', /":" \(U\+003A\), which Joliet forbids/],
    ['semi;colon', /";" \(U\+003B\), which Joliet forbids/],
    ['what?', /"\?" \(U\+003F\), which Joliet forbids/],
    ['back\\slash', /"\\" \(U\+005C\), which Joliet forbids/],
    ['tab\there', /U\+0009, which Joliet forbids/],
    ['pipe|d', /"\|" \(U\+007C\), which Windows forbids/],
    ['less<more>', /"<" \(U\+003C\), which Windows forbids/],
    ['quote"d', /which Windows forbids/],
    ['trailing.', /ends with "\." or a space/],
    ['trailing ', /ends with "\." or a space/],
    ['smile 😀.txt', /U\+1F600, beyond the UCS-2 characters Joliet can store/],
    ['lone \ud800', /U\+D800, beyond the UCS-2/],
    [`${'n'.repeat(65)}`, /is 65 characters; Joliet allows at most 64/],
    ['a//b', /empty name/],
    ['/abs', /empty name/],
    ['a/../b', /uses "\.\."/],
    [`${'d/'.repeat(120)}f`, /is 241 characters; paths in the image are limited to 240/],
  ])('%j is refused: %s', async (path, message) => {
    const issues = await issuesOf([file(path)]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^entries\[0\]\.path: /);
    expect(issues[0]).toMatch(message);
  });

  test('64-character names and 240-character paths are accepted', async () => {
    await expect(
      createIsoStream([file('n'.repeat(64)), file(`${'d/'.repeat(119)}ff`)]),
    ).resolves.toBeDefined();
  });

  test('every problem is reported at once, with its entry', async () => {
    const issues = await issuesOf([
      file('Autounattend.xml'),
      file('autounattend.xml'),
      file('dup.txt'),
      file('dup.txt'),
      file('Drivers/a.inf'),
      file('drivers/b.inf'),
      file('x/y'),
      { type: 'directory', path: 'x/y' },
      file('bad?'),
      { type: 'file', path: 'neg', source: { size: -1, open: async function* () {} } },
    ]);
    expect(issues).toEqual([
      'entries[1].path: "autounattend.xml" and "Autounattend.xml" differ only in case, which Windows cannot tell apart (already from entries[0].path)',
      'entries[3].path: "dup.txt" is listed twice (already from entries[2].path)',
      'entries[5].path: "drivers" and "Drivers" differ only in case, which Windows cannot tell apart (already from entries[4].path)',
      'entries[7].path: "x/y" is needed as a directory but is also a file (already from entries[6].path)',
      'entries[8].path: "bad?": name "bad?" contains "?" (U+003F), which Joliet forbids',
      'entries[9].path: "neg" declares size -1; a size is a whole number of bytes',
    ]);
  });

  test('entries of the wrong shape are reported before anything is read', async () => {
    const issues = await issuesOf([
      { type: 'nope', path: 'n' } as never,
      { type: 'file', path: 'f', source: 42 } as never,
      { type: 'tree', path: 't' } as never,
    ]);
    expect(issues).toEqual([
      'entries[0].type: "nope" is not file, directory or tree',
      'entries[1].source: must be a string, a Uint8Array, { path } or { size, open }',
      'entries[2].from: must be a host directory path',
    ]);
  });

  test.each([
    [{ volumeLabel: '' }, /"volumeLabel" option/],
    [{ volumeLabel: 'SEVENTEEN_CHARS_X' }, /"volumeLabel" option must be 1–16/],
    [{ timestamp: new Date('nope') }, /"timestamp" option is not a valid Date/],
    [{ timestamp: new Date('1969-12-31T00:00:00Z') }, /must fall in 1970–2155/],
  ])('option %o is refused', async (options, message) => {
    await expect(createIsoStream([file('a')], options)).rejects.toThrow(InvalidOptionError);
    await expect(createIsoStream([file('a')], options)).rejects.toThrow(message);
  });
});

/** Names Joliet and Windows accept: BMP text without forbidden characters or trailing dot/space. */
const validName = fc
  .string({ unit: fc.constantFrom(...'aZ09 ._-äßÉ日本語ΩЖ€✓(){}[]#%&+,=@^~'), minLength: 1, maxLength: 64 })
  .filter((s) => !/[. ]$/.test(s) && s !== '.' && s !== '..');

describe('names (property)', () => {
  test('any set of valid names survives a write and a read with our reader, exactly', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cidata-iso-names-'));
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(validName, { maxLength: 12, selector: (s) => s.toUpperCase() }),
          async (names) => {
            const iso = join(dir, 'names.iso');
            await writeIso(
              names.map((n) => ({ type: 'file', path: `d/${n}`, source: n })),
              iso,
              { overwrite: true },
            );
            const image = await readIso(iso);
            const files = image.entries.filter((e) => e.type === 'file');
            expect(files.map((e) => e.path).sort()).toEqual(names.map((n) => `d/${n}`).sort());
            for (const n of names) expect((await image.readFile(`d/${n}`)).toString('utf8')).toBe(n);
          },
        ),
        { numRuns: 40, seed: 20261121 },
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('derived ISO 9660 names are unique 8.3 d-character names', () => {
    fc.assert(
      fc.property(fc.uniqueArray(validName, { maxLength: 40 }), (names) => {
        const derived = deriveIsoNames(names.map((name) => ({ name, isDirectory: false })));
        const keys = derived.map((d) => `${d.stem}.${d.extension}`);
        expect(new Set(keys).size).toBe(names.length);
        for (const d of derived) {
          expect(d.stem).toMatch(/^[A-Z0-9_]{1,8}$/);
          expect(d.extension).toMatch(/^[A-Z0-9_]{0,3}$/);
        }
      }),
      { numRuns: 200, seed: 20261121 },
    );
  });
});
