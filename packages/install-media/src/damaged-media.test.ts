import { readFileSync, writeFileSync } from 'node:fs';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, describe, expect, test } from 'vitest';
import { genisoimage } from './__fixtures__/media';
import { tinyWim } from './__fixtures__/tiny-wim';
import { tempDir } from './__fixtures__/tools';
import { findDescriptors, retag } from './__fixtures__/udf-patch';
import { writeUdf250 } from './__fixtures__/udf250-writer';
import { type ByteSource, bufferSource } from './byte-source';
import { InstallMediaError } from './errors';
import { inspectInstallMedia } from './inspect-install-media';
import { readWimInfo } from './wim/wim-info';

const udfImage = () =>
  writeUdf250({ 'setup.exe': Buffer.from('MZ'), 'sources/install.wim': tinyWim() }, 'WG');

async function code(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(InstallMediaError.isInstance(error), String(error)).toBe(true);
  return (error as InstallMediaError).code;
}

test('a UDF image made in memory is read whole: the baseline the damaged copies start from', async () => {
  const media = await inspectInstallMedia(bufferSource(udfImage()));
  expect(media.images.map((i) => [i.index, i.name, i.arch])).toEqual([[1, 'Windows 11 Pro', 'amd64']]);
});

test('a truncated UDF image is reported as damaged, not as media without install.wim', async () => {
  const image = Buffer.from(udfImage());
  const cut = image.subarray(0, image.indexOf('MSWIM') + 100);
  expect(await code(inspectInstallMedia(bufferSource(cut)))).toBe('corrupt-filesystem');
});

test('a UDF directory claiming 2^40 bytes is refused before anything is allocated', async () => {
  const image = udfImage();
  const [rootEntry] = [...findDescriptors(image, 261), ...findDescriptors(image, 266)].filter(
    (at) => image[at + 27] === 4,
  );
  Buffer.from(image.buffer).writeUInt32LE(0x100, (rootEntry ?? 0) + 60);
  retag(image, rootEntry ?? 0);
  const error = await inspectInstallMedia(bufferSource(image)).catch((e: unknown) => e);
  expect(InstallMediaError.isInstance(error) && error.code).toBe('corrupt-filesystem');
  expect(String(error)).toMatch(/claims 1099511627\d{3} bytes/);
});

test('WIM XML metadata larger than the reader accepts is refused, not allocated', async () => {
  const wim = Buffer.from(tinyWim());
  wim.writeUInt32LE(0, 72);
  wim.writeUInt32LE(2, 76);
  wim.writeUInt32LE(0, 88);
  wim.writeUInt32LE(2, 92);
  const huge: ByteSource = {
    size: 2 ** 40,
    read: async (offset, length) => (offset === 0 ? wim.subarray(0, length) : new Uint8Array(length)),
  };
  const error = await readWimInfo(huge).catch((e: unknown) => e);
  expect(InstallMediaError.isInstance(error) && error.code).toBe('corrupt-wim');
  expect(String(error)).toContain('8589934592 bytes');
});

test.each([
  ['a character reference beyond Unicode', '<WIM>&#x110000;</WIM>'],
  ['an unterminated comment', '<WIM><!-- never closed'],
  ['a tag that never ends, repeated', `<WIM>${'<a'.repeat(200_000)}`],
  ['an attribute soup without "="', `<WIM><IMAGE ${'a'.repeat(400_000)}></IMAGE></WIM>`],
])('WIM XML with %s fails fast with corrupt-wim or reads', async (_, xml) => {
  const started = performance.now();
  const result = await readWimInfo(bufferSource(tinyWim(xml))).then(
    () => 'read',
    (e: unknown) => (InstallMediaError.isInstance(e) ? e.code : String(e)),
  );
  expect(['read', 'corrupt-wim']).toContain(result);
  expect(performance.now() - started).toBeLessThan(2000);
});

const tools = requireHostTools([{ command: 'genisoimage', debian: 'genisoimage' }]);

describe.skipIf(!tools.available)('damaged ISO 9660 images (media without UDF)', () => {
  const dir = tempDir('damaged-iso');
  afterAll(dir.cleanup);

  test.each([0x8000_0000, 0xffff_ffff])(
    'a root directory of %d bytes is corrupt-filesystem',
    async (size) => {
      const path = genisoimage(
        dir.path,
        `root-${size}.iso`,
        { 'sources/install.wim': 'x' },
        { joliet: true },
      );
      const image = Buffer.from(readFileSync(path));
      const root = 17 * 2048 + 156;
      image.writeUInt32LE(size, root + 10);
      image.writeUInt32BE(size, root + 14);
      writeFileSync(path, image);
      const error = await inspectInstallMedia(path).catch((e: unknown) => e);
      expect(InstallMediaError.isInstance(error) && error.code).toBe('corrupt-filesystem');
      expect(String(error)).toContain(`${size} bytes`);
    },
  );

  test('an image cut before its directories is corrupt, not "has no install.wim"', async () => {
    const path = genisoimage(dir.path, 'cut.iso', { 'sources/install.wim': 'x' }, { joliet: true });
    const image = readFileSync(path) as Buffer;
    writeFileSync(path, image.subarray(0, 19 * 2048));
    expect(await code(inspectInstallMedia(path))).toBe('corrupt-filesystem');
  });
});
