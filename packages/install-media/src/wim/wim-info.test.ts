import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWim, consumerEditions, edition } from '@winguest/test-media';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectedImage, wiminfo } from '../__fixtures__/reference';
import { run, tempDir } from '../__fixtures__/tools';
import { bufferSource, openFileSource } from '../byte-source';
import { WimError } from '../errors';
import { readWimInfo } from './wim-info';

const tools = requireHostTools([
  { command: 'wimlib-imagex', debian: 'wimtools' },
  { command: 'wiminfo', debian: 'wimtools' },
]);

async function read(file: string) {
  const source = await openFileSource(file);
  try {
    return { info: await readWimInfo(source, file), bytesRead: source.bytesRead };
  } finally {
    await source.close();
  }
}

describe.skipIf(!tools.available)('readWimInfo against wiminfo', () => {
  const dir = tempDir('wim');
  const wim = join(dir.path, 'install.wim');
  const editions = [
    ...consumerEditions,
    edition('Windows 11 Pro ARM64', 'Professional', 12, ['ja-JP']),
    edition('Server', 'ServerStandard', 0, ['fr-FR']),
  ];
  beforeAll(() => buildWim(dir.path, wim, editions));
  afterAll(dir.cleanup);

  test('every image field equals what wiminfo reports (Home / Pro / Pro N / Education, arm64, x86)', async () => {
    const reference = wiminfo(wim);
    const { info } = await read(wim);
    expect(info.images).toEqual(reference.images.map(expectedImage));
    expect(info.images.map((i) => i.arch)).toEqual(['amd64', 'amd64', 'amd64', 'amd64', 'arm64', 'x86']);
    expect(info.images[1]?.languages).toEqual(['en-US', 'de-DE']);
    expect(info.images[0]?.description).toBe('Windows 11 Home <edition> & "more"');
  });

  test('header: GUID, image count, part, compression and boot index as wiminfo prints them', async () => {
    const { header } = wiminfo(wim);
    const { info } = await read(wim);
    expect(`0x${info.header.guid}`).toBe(header.GUID);
    expect(String(info.header.imageCount)).toBe(header['Image Count']);
    expect(`${info.header.partNumber}/${info.header.totalParts}`).toBe(header['Part Number']);
    expect(info.header.compression).toBe(header.Compression?.toLowerCase());
    expect(String(info.header.bootIndex)).toBe(header['Boot Index']);
  });

  test('a solid LZMS install.esd (wimexport --solid) reads the same images', async () => {
    const esd = join(dir.path, 'install.esd');
    run('wimlib-imagex', ['export', wim, 'all', esd, '--solid']);
    const { info } = await read(esd);
    expect(info.header.compression).toBe(wiminfo(esd).header.Compression?.toLowerCase());
    expect(info.images).toEqual(wiminfo(esd).images.map(expectedImage));
  });

  test('the first part of a split WIM (install.swm) names every image and the part count', async () => {
    const big = join(dir.path, 'big.wim');
    const tree = join(dir.path, 'noise');
    run('mkdir', ['-p', tree]);
    for (let i = 0; i < 3; i++) writeFileSync(join(tree, `blob${i}`), Buffer.alloc(700_000, i + 1));
    run('wimlib-imagex', ['capture', tree, big, 'Windows 11 Pro', '--compress=none']);
    run('wimlib-imagex', ['split', big, join(dir.path, 'install.swm'), '1']);
    const swm = join(dir.path, 'install.swm');
    const { info } = await read(swm);
    expect(info.header.totalParts).toBeGreaterThan(1);
    expect(`${info.header.partNumber}/${info.header.totalParts}`).toBe(wiminfo(swm).header['Part Number']);
    expect(info.images).toEqual(wiminfo(swm).images.map(expectedImage));
  });

  test('reads the header and the XML only, not the image data', async () => {
    const { bytesRead } = await read(wim);
    const xmlBytes = Buffer.from(run('wiminfo', ['--xml', wim]), 'latin1').length;
    expect(bytesRead).toBeLessThanOrEqual(208 + xmlBytes + 2);
  });
});

describe('readWimInfo on damaged input', () => {
  test('a file that is not a WIM names the file and the missing signature', async () => {
    const error = await readWimInfo(bufferSource(new Uint8Array(208)), 'sources/install.wim').catch((e) => e);
    expect(WimError.isInstance(error) && error.code).toBe('corrupt-wim');
    expect(error.message).toContain('sources/install.wim is not a WIM file');
  });

  test.skipIf(!tools.available)('a truncated WIM says the XML lies beyond the end of the file', async () => {
    const dir = tempDir('wim-cut');
    try {
      const wim = join(dir.path, 'install.wim');
      buildWim(dir.path, wim, consumerEditions.slice(0, 1));
      const bytes = readFileSync(wim);
      const error = await readWimInfo(
        bufferSource(bytes.subarray(0, bytes.length - 100)),
        'install.wim',
      ).catch((e) => e);
      expect(error.code).toBe('corrupt-wim');
      expect(error.message).toMatch(/beyond the end of the file/);
    } finally {
      dir.cleanup();
    }
  });
});
