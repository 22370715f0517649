import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jolietRecordOffset, patchBoth32, rootRecordOffset } from '@winguest/test-media';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { smallImage } from './__fixtures__/crafted';
import { CidataIsoError, CorruptIsoError, readIso } from './index';

let dir: string;
let good: Buffer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cidata-iso-damaged-'));
  good = await smallImage();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function saved(name: string, bytes: Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

async function failure(path: string): Promise<CorruptIsoError> {
  const error = await readIso(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(CidataIsoError.isInstance(error) && error.code).toBe('corrupt-iso');
  return error as CorruptIsoError;
}

test.each([0x8000_0000, 0xffff_ffff, 0x7fff_ffff])(
  'a root directory size of %d is refused with the field and byte offset, not a crash',
  async (size) => {
    const image = Buffer.from(good);
    const at = rootRecordOffset(image);
    patchBoth32(image, at + 10, size);
    const error = await failure(await saved(`root-${size}.iso`, image));
    expect(error.offset).toBe(at);
    expect(error.message).toContain(`byte ${at}`);
    expect(error.message).toContain(`${size} bytes`);
  },
);

test('a sub-directory record whose size reaches past the end names that record', async () => {
  const image = Buffer.from(good);
  const at = jolietRecordOffset(image, 'winguest');
  patchBoth32(image, at + 10, 0x8000_0000);
  const error = await failure(await saved('subdir.iso', image));
  expect(error.offset).toBe(at);
  expect(error.message).toMatch(/"winguest"/);
});

test('a directory record whose extent lies past the end of the image is an error, not an empty listing', async () => {
  const image = Buffer.from(good);
  patchBoth32(image, rootRecordOffset(image) + 2, 0x00ff_ffff);
  const error = await failure(await saved('far-extent.iso', image));
  expect(error.message).toMatch(/truncated|beyond the end/);
});

test('an image cut after its volume descriptors does not list as empty', async () => {
  const path = await saved('cut.iso', good.subarray(0, 19 * 2048));
  await failure(path);
});

test('a file whose data lies past the end is refused when listing, naming the file', async () => {
  const image = Buffer.from(good);
  const at = jolietRecordOffset(image, 'autounattend.xml');
  patchBoth32(image, at + 2, good.length / 2048 + 5);
  const error = await failure(await saved('file-past-end.iso', image));
  expect(error.offset).toBe(at);
  expect(error.message).toContain('"autounattend.xml"');
});

test('a file cut off after the image was opened fails the read instead of returning fewer bytes', async () => {
  const path = await saved('shrinks.iso', good);
  const opened = await readIso(path);
  const entry = opened.entries.find((e) => e.path === 'winguest/first-logon.ps1');
  await truncate(path, (entry?.extents[0]?.extent ?? 0) * 2048 + 4);
  await expect(opened.readFile('winguest/first-logon.ps1')).rejects.toThrow(CorruptIsoError);
  const chunks: Buffer[] = [];
  const reading = (async () => {
    for await (const chunk of opened.createReadStream('winguest/first-logon.ps1')) chunks.push(chunk);
  })();
  await expect(reading).rejects.toThrow(/ended after 4 of 17 bytes/);
});
