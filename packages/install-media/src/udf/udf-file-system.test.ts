import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, describe, expect, test } from 'vitest';
import { genisoimage, readText, walk, withImage } from '../__fixtures__/media';
import { sevenZipList } from '../__fixtures__/reference';
import { deepTree, run, tempDir } from '../__fixtures__/tools';

const tools = requireHostTools([
  { command: 'genisoimage', debian: 'genisoimage' },
  { command: '7z', debian: 'p7zip-full' },
]);

describe.skipIf(!tools.available)('UDF 1.02 images written by genisoimage -udf', () => {
  const dir = tempDir('udf102');
  afterAll(dir.cleanup);

  test('the whole tree (12 levels deep, Unicode names) lists exactly as 7z l -tudf does', async () => {
    const image = genisoimage(dir.path, 'deep.iso', deepTree(), { udf: true });
    const listing = await withImage(image, async (fs) => {
      expect(fs.kind).toBe('udf');
      expect(fs.revision).toBe('1.02');
      expect(fs.label).toBe('CCCOMA_X64FRE_EN-US_DV9');
      return walk(fs);
    });
    expect(listing).toEqual(sevenZipList(image, 'udf'));
    expect(listing.some((e) => e.path === 'support/Überprüfung ✓.txt')).toBe(true);
    expect(listing.filter((e) => e.path.endsWith('.txt') && e.path.startsWith('deep/'))).toHaveLength(12);
  });

  test('file contents equal what 7z extracts, looked up without regard to case', async () => {
    const files = deepTree();
    const image = genisoimage(dir.path, 'content.iso', files, { udf: true });
    const deepest = Object.keys(files).find((p) => p.includes('level-12/')) as string;
    await withImage(image, async (fs) => {
      expect(await readText(fs, deepest.toUpperCase())).toBe(
        run('7z', ['x', '-so', '-tudf', image, deepest]),
      );
      expect(await readText(fs, 'SETUP.EXE')).toBe('MZ setup');
      expect(await fs.openFile('sources/missing.wim')).toBeUndefined();
    });
  });
});
