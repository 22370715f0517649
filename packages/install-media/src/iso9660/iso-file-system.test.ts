import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, describe, expect, test } from 'vitest';
import { genisoimage, readText, walk, withImage } from '../__fixtures__/media';
import { sevenZipList } from '../__fixtures__/reference';
import { deepTree, tempDir } from '../__fixtures__/tools';
import { bufferSource } from '../byte-source';
import { FileSystemError } from '../errors';
import { openMediaFileSystem } from '../open-media-file-system';

const tools = requireHostTools([
  { command: 'genisoimage', debian: 'genisoimage' },
  { command: '7z', debian: 'p7zip-full' },
]);

describe.skipIf(!tools.available)('ISO 9660 fallback for images without UDF', () => {
  const dir = tempDir('iso9660');
  afterAll(dir.cleanup);

  test('Joliet names and sizes list exactly as 7z l -tiso does', async () => {
    const image = genisoimage(dir.path, 'joliet.iso', deepTree(), { joliet: true });
    const listing = await withImage(image, async (fs) => {
      expect(fs.kind).toBe('joliet');
      expect(fs.label).toBe('CCCOMA_X64FRE_EN-US_DV9');
      expect(await readText(fs, 'sources/LANG.INI')).toBe('[Available UI Languages]\r\nen-US = 3\r\n');
      return walk(fs);
    });
    expect(listing).toEqual(sevenZipList(image, 'iso'));
    expect(listing.some((e) => e.path === 'support/Überprüfung ✓.txt')).toBe(true);
  });

  test('plain ISO 9660 (no Joliet) lists as 7z does, without ";1" versions', async () => {
    const image = genisoimage(dir.path, 'plain.iso', { 'SETUP.EXE': 'MZ', 'SOURCES/INSTALL.WIM': 'x' }, {});
    const listing = await withImage(image, async (fs) => {
      expect(fs.kind).toBe('iso9660');
      return walk(fs);
    });
    expect(listing).toEqual(sevenZipList(image, 'iso'));
    expect(listing.map((e) => e.path)).toContain('SOURCES/INSTALL.WIM');
  });
});

test('an image that is neither UDF nor ISO 9660 is refused with a clear message', async () => {
  const error = await openMediaFileSystem(bufferSource(new Uint8Array(64 * 1024))).catch((e) => e);
  expect(FileSystemError.isInstance(error) && error.code).toBe('unsupported-filesystem');
  expect(error.message).toMatch(/neither UDF nor ISO 9660/);
});
