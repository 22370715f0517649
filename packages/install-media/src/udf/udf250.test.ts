import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readText, walk, withImage } from '../__fixtures__/media';
import type { SevenZipEntry } from '../__fixtures__/reference';
import { deepTree, run, tempDir } from '../__fixtures__/tools';
import { writeUdf250 } from '../__fixtures__/udf250-writer';

const tools = requireHostTools([
  { command: 'cc', debian: 'gcc' },
  { command: 'udfinfo', debian: 'udftools' },
]);

const label = 'CCCOMA_A64FRE_DE-DE_DV9';
const files = { ...deepTree(), 'sources/big.bin': Buffer.from(new Uint8Array(5000).map((_, i) => i % 251)) };
const bytes = Object.fromEntries(
  Object.entries(files).map(([path, content]) => [path, Buffer.from(content)]),
);

/** libudfread's view of an image: label and entries, as the compiled udfread-list.c prints them. */
function udfreadList(lister: string, image: string): { label: string; entries: SevenZipEntry[] } {
  const lines = run(lister, [image]).trimEnd().split('\n');
  const entries = lines.slice(1).map((line) => {
    const [kind, ...rest] = line.split(' ');
    if (kind === 'D') return { path: rest.join(' '), isDirectory: true, size: 0 };
    return { path: rest.slice(1).join(' '), isDirectory: false, size: Number(rest[0]) };
  });
  return { label: lines[0]?.slice(2) ?? '', entries: entries.sort((a, b) => a.path.localeCompare(b.path)) };
}

// No tool on this host populates a UDF 2.50 volume with a metadata partition: mkudffs writes empty
// 2.50 volumes for write-once media only, a kernel UDF mount is unavailable, and 7-Zip does not read
// metadata partitions. So a test writer makes one, and udfinfo (volume descriptors) and libudfread
// (VideoLAN's reader, built for Blu-ray UDF 2.50) are the references.
describe.skipIf(!tools.available)('UDF 2.50 with a metadata partition', () => {
  const dir = tempDir('udf250');
  const lister = join(dir.path, 'udfread-list');
  const image = join(dir.path, 'udf250.iso');
  beforeAll(() => {
    run('cc', [
      '-O',
      '-o',
      lister,
      fileURLToPath(new URL('../__fixtures__/udfread-list.c', import.meta.url)),
      '-ludfread',
    ]);
    writeFileSync(image, writeUdf250(bytes, label));
  });
  afterAll(dir.cleanup);

  test('label, revision and every entry equal what udfinfo and libudfread report', async () => {
    const info = run('udfinfo', [image]);
    expect(info).toContain('udfrev=2.50');
    const reference = udfreadList(lister, image);
    expect(reference.label).toBe(label);
    expect(reference.entries.filter((e) => !e.isDirectory)).toHaveLength(Object.keys(files).length);
    await withImage(image, async (fs) => {
      expect([fs.kind, fs.revision, fs.label]).toEqual(['udf', '2.50', label]);
      expect(await walk(fs)).toEqual(reference.entries);
    });
  });

  test('file contents come back intact through the metadata partition', async () => {
    await withImage(image, async (fs) => {
      const deepest = Object.keys(files).find((p) => p.includes('level-12/')) as string;
      expect(await readText(fs, deepest)).toBe(files[deepest as keyof typeof files]);
      const big = await fs.openFile('SOURCES/BIG.BIN');
      expect(Buffer.from((await big?.read(0, 5000)) ?? [])).toEqual(files['sources/big.bin']);
    });
  });

  test('a metadata file recorded as two extents reads the same as a contiguous one', async () => {
    const split = join(dir.path, 'split.iso');
    writeFileSync(split, writeUdf250(bytes, label, { splitMetadata: true }));
    const expected = await withImage(image, walk);
    expect(await withImage(split, walk)).toEqual(expected);
  });
});
