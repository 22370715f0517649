import { join } from 'node:path';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, describe, expect, test } from 'vitest';
import { walk, withImage } from '../__fixtures__/media';
import { sevenZipList } from '../__fixtures__/reference';
import { run, tempDir } from '../__fixtures__/tools';
import { FileSystemError } from '../errors';

const tools = requireHostTools([
  { command: 'mkudffs', debian: 'udftools' },
  { command: 'udfinfo', debian: 'udftools' },
  { command: '7z', debian: 'p7zip-full' },
]);

function udfinfo(image: string): Record<string, string> {
  return Object.fromEntries(
    run('udfinfo', [image])
      .split('\n')
      .map((line) => line.split('=', 2) as [string, string]),
  );
}

// mkudffs writes empty volumes (filling them needs a kernel UDF mount, which this host lacks), so
// these cover the volume structures of UDF 2.x as another implementation writes them: extended file
// entries, short/long/in-ICB allocation, 512-byte and 4 KiB blocks.
describe.skipIf(!tools.available)('empty UDF volumes written by mkudffs', () => {
  const dir = tempDir('mkudffs');
  afterAll(dir.cleanup);

  test.each([
    ['2.01', 2048, 'inicb', []],
    ['2.01', 2048, 'long', []],
    ['2.01', 512, 'short', []],
    ['2.01', 4096, 'short', []],
    ['2.01', 2048, 'short', ['--noefe']],
    ['1.02', 2048, 'short', []],
  ] as const)(
    'UDF %s, %d-byte blocks, %s allocation %j: label, revision and (empty) root as udfinfo and 7z see them',
    async (rev, block, ad, extra) => {
      const image = join(dir.path, `${rev}-${block}-${ad}${extra.join('')}.udf`);
      const label = `WG_${rev.replace('.', '')}_${ad}`.toUpperCase();
      run('mkudffs', [
        '--new-file',
        '--media-type=hd',
        `--udfrev=${rev}`,
        `--blocksize=${block}`,
        `--ad=${ad}`,
        `--label=${label}`,
        ...extra,
        image,
        '3000',
      ]);
      const info = udfinfo(image);
      await withImage(image, async (fs) => {
        expect(fs.kind).toBe('udf');
        expect(fs.label).toBe(info.label);
        expect(fs.revision).toBe(info.udfrev);
        expect(await walk(fs)).toEqual([]);
      });
      // 7-Zip itself cannot open UDF with 4 KiB blocks; udfinfo above is the reference there.
      if (block !== 4096) expect(sevenZipList(image, 'udf')).toEqual([]);
    },
  );

  test('a UDF 2.50 write-once volume (virtual allocation table) fails with a clear unsupported error', async () => {
    const image = join(dir.path, 'vat.udf');
    run('mkudffs', ['--new-file', '--media-type=bdr', '--udfrev=2.50', image, '3000']);
    const error = await withImage(image, walk).catch((e) => e);
    expect(FileSystemError.isInstance(error) && error.code).toBe('unsupported-filesystem');
    expect(error.message).toMatch(/partition type "\*UDF Virtual Partition" is not supported/);
  });
});
