import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isoinfoJolietPaths, isoinfoView, tool, xorrisoPaths } from './__fixtures__/host';
import { entriesOf, expectedPaths, materialise, memoryCases, sha256 } from './__fixtures__/layouts';
import { readIso, writeIso } from './index';

const gate = requireHostTools([
  { command: 'isoinfo', debian: 'genisoimage' },
  { command: 'isovfy', debian: 'genisoimage' },
  { command: 'genisoimage', debian: 'genisoimage' },
  { command: 'xorriso', debian: 'xorriso' },
  { command: '7z', debian: 'p7zip-full' },
]);

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cidata-iso-cross-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Paths and SHA-256 of every file, as our reader sees an image. */
async function contentsOf(iso: string): Promise<{ paths: string[]; hashes: Record<string, string> }> {
  const image = await readIso(iso);
  const hashes: Record<string, string> = {};
  for (const e of image.entries) if (e.type === 'file') hashes[e.path] = sha256(await image.readFile(e.path));
  return { paths: image.entries.map((e) => e.path).sort(), hashes };
}

describe.skipIf(!gate.available).each(memoryCases)('$name, checked by tools we did not write', (c) => {
  const expectedHashes = Object.fromEntries(c.files.map((f) => [f.path, sha256(f.data)]));
  let ours: string;
  beforeAll(async () => {
    ours = join(work, `${sha256(Buffer.from(c.name)).slice(0, 8)}.iso`);
    await writeIso(entriesOf(c), ours);
  });

  test('isoinfo -J lists the real names and extracts the bytes', async () => {
    expect(await isoinfoJolietPaths(ours)).toEqual(expectedPaths(c).map(isoinfoView).sort());
    const ascii = c.files.find((f) => /^[\x20-\x7e]+$/.test(f.path));
    if (!ascii) throw new Error('case without an ASCII-named file');
    const { stdout } = await tool('isoinfo', ['-J', '-i', ours, '-x', `/${ascii.path}`]);
    expect(stdout).toBe(ascii.data.toString('utf8'));
  });

  test('7z extracts every file with equal content', async () => {
    const out = join(work, `7z-${sha256(Buffer.from(c.name)).slice(0, 8)}`);
    await tool('7z', ['x', '-y', `-o${out}`, ours]);
    for (const f of c.files)
      expect(sha256(await readFile(join(out, f.path))), f.path).toBe(expectedHashes[f.path]);
  });

  test('xorriso -indev … -find lists the same tree without complaint, isovfy finds no errors', async () => {
    const { paths, problems } = await xorrisoPaths(ours);
    expect(paths).toEqual(expectedPaths(c));
    expect(problems).toEqual([]);
    const { stdout } = await tool('isovfy', [ours]);
    expect(stdout).toContain('No errors found');
  });

  test('our reader, and images xorriso and genisoimage make of the same tree, agree on names and bytes', async () => {
    const tree = join(work, `tree-${sha256(Buffer.from(c.name)).slice(0, 8)}`);
    await materialise(c, tree);
    const xorrisoIso = `${tree}-xorriso.iso`;
    const genisoIso = `${tree}-genisoimage.iso`;
    const charset = ['-J', '-input-charset', 'utf-8'];
    await tool('xorriso', ['-as', 'mkisofs', '-quiet', ...charset, '-o', xorrisoIso, tree]);
    await tool('genisoimage', ['-quiet', '-D', ...charset, '-o', genisoIso, tree]);
    const mine = await contentsOf(ours);
    expect(mine).toEqual({ paths: expectedPaths(c), hashes: expectedHashes });
    expect(await contentsOf(xorrisoIso)).toEqual(mine);
    expect(await contentsOf(genisoIso)).toEqual(mine);
  });
});
