import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tool } from './__fixtures__/host';
import { EntryNotFoundError, NotAnIsoError, readIso, writeIso } from './index';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cidata-iso-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('a file that is not an ISO image is refused with NotAnIsoError', async () => {
  const path = join(dir, 'not.iso');
  await writeFile(path, Buffer.alloc(40_000, 0x41));
  await expect(readIso(path)).rejects.toThrow(NotAnIsoError);
  await expect(readIso(join(dir, 'missing.iso'))).rejects.toThrow(
    /missing\.iso is not a readable ISO 9660 image: cannot open it \(ENOENT\)/,
  );
});

const gate = requireHostTools([{ command: 'xorriso', debian: 'xorriso' }]);

describe.skipIf(!gate.available)('images made by xorriso', () => {
  let tree: string;
  beforeAll(async () => {
    tree = join(dir, 'tree');
    await mkdir(join(tree, 'Sub Dir'), { recursive: true });
    await writeFile(join(tree, 'Sub Dir', 'Long File Name.txt'), 'long\n');
    await writeFile(join(tree, 'README'), 'no extension\n');
  });

  test('with Joliet: real names, label and contents', async () => {
    const iso = join(dir, 'joliet.iso');
    await tool('xorriso', ['-as', 'mkisofs', '-quiet', '-J', '-V', 'MYLABEL', '-o', iso, tree]);
    const image = await readIso(iso);
    expect(image.joliet).toBe(true);
    expect(image.volumeLabel).toBe('MYLABEL');
    expect(image.entries.map((e) => `${e.type} ${e.path} ${e.size}`)).toEqual([
      'file README 13',
      'directory Sub Dir 2048',
      'file Sub Dir/Long File Name.txt 5',
    ]);
    expect((await image.readFile('/Sub Dir/Long File Name.txt')).toString()).toBe('long\n');
    expect(() => image.createReadStream('Sub Dir')).toThrow(EntryNotFoundError);
    expect(() => image.createReadStream('nope.txt')).toThrow(/has no file "nope\.txt"/);
  });

  test('a tree entry with path "" puts a host directory at the image root, as xorriso does', async () => {
    const ours = join(dir, 'root-tree.iso');
    await writeIso([{ type: 'tree', path: '', from: tree }], ours);
    const theirs = join(dir, 'root-tree-xorriso.iso');
    await tool('xorriso', ['-as', 'mkisofs', '-quiet', '-J', '-o', theirs, tree]);
    const listing = async (iso: string) => (await readIso(iso)).entries.map((e) => `${e.type} ${e.path}`);
    expect(await listing(ours)).toEqual(await listing(theirs));
    expect((await (await readIso(ours)).readFile('Sub Dir/Long File Name.txt')).toString()).toBe('long\n');
  });

  test('without Joliet: ISO 9660 names without the ;1 version or a bare trailing dot', async () => {
    const iso = join(dir, 'plain.iso');
    await tool('xorriso', ['-as', 'mkisofs', '-quiet', '-o', iso, tree]);
    const image = await readIso(iso);
    expect(image.joliet).toBe(false);
    expect(image.entries.map((e) => e.path)).toEqual(['README', 'SUB_DIR', 'SUB_DIR/LONG_FIL.TXT']);
    expect((await image.readFile('README')).toString()).toBe('no extension\n');
  });
});
