import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hashOfOutput, tool, xorrisoPaths } from './__fixtures__/host';
import { createIsoStream, InvalidLayoutError, readIso, writeIso } from './index';

const gate = requireHostTools([
  { command: 'isoinfo', debian: 'genisoimage' },
  { command: 'xorriso', debian: 'xorriso' },
  { command: '7z', debian: 'p7zip-full' },
  { command: 'cmp', debian: 'diffutils' },
]);

const size = 300 * 1024 * 1024 + 123; // not a multiple of the sector size

/** 1 MiB blocks, each stamped with its index, so a misplaced block changes the hash. */
async function* pattern(bytes: number): AsyncGenerator<Buffer> {
  for (let offset = 0, i = 0; offset < bytes; offset += 1 << 20, i++) {
    const block = Buffer.alloc(Math.min(1 << 20, bytes - offset), i % 251);
    block.writeUInt32LE(i, 0);
    yield block;
  }
}

describe.skipIf(!gate.available)('a 300 MB file', () => {
  let work: string;
  let source: string;
  let iso: string;
  let expected: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'cidata-iso-large-'));
    source = join(work, 'big.bin');
    iso = join(work, 'big.iso');
    const hash = createHash('sha256');
    await pipeline(
      pattern(size),
      async function* (chunks) {
        for await (const chunk of chunks) {
          hash.update(chunk);
          yield chunk;
        }
      },
      createWriteStream(source),
    );
    expected = hash.digest('hex');
    await writeIso([{ type: 'file', path: 'payload/big file.bin', source: { path: source } }], iso);
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  test('is streamed from disk into the image and read back intact by isoinfo, 7z and our reader', async () => {
    expect(await hashOfOutput('isoinfo', ['-J', '-i', iso, '-x', '/payload/big file.bin'])).toBe(expected);
    expect(await hashOfOutput('7z', ['x', '-so', iso, 'payload/big file.bin'])).toBe(expected);
    const image = await readIso(iso);
    const hash = createHash('sha256');
    for await (const chunk of image.createReadStream('payload/big file.bin')) hash.update(chunk as Buffer);
    expect(hash.digest('hex')).toBe(expected);
    expect((await xorrisoPaths(iso)).paths).toEqual(['payload', 'payload/big file.bin']);
  });

  test('a stream source of the same bytes gives the same image as the file on disk', async () => {
    const fromStream = join(work, 'stream.iso');
    await writeIso(
      [{ type: 'file', path: 'payload/big file.bin', source: { size, open: () => pattern(size) } }],
      fromStream,
    );
    const { stdout } = await tool('cmp', [iso, fromStream]);
    expect(stdout).toBe('');
  });
});

describe('files at the ISO 9660 size limit', () => {
  const declared = (bytes: number) => ({ size: bytes, open: () => pattern(bytes) });
  test('4 GiB − 1 is planned (nothing is read until the stream is consumed)', async () => {
    const image = await createIsoStream([{ type: 'file', path: 'max.bin', source: declared(2 ** 32 - 1) }]);
    expect(image.size).toBeGreaterThan(2 ** 32 - 1);
  });

  test('4 GiB is a clear error naming the file and the limit', async () => {
    const attempt = createIsoStream([{ type: 'file', path: 'huge.bin', source: declared(2 ** 32) }]);
    await expect(attempt).rejects.toThrow(InvalidLayoutError);
    await expect(attempt).rejects.toThrow(
      /"huge\.bin" is 4294967296 bytes; ISO 9660 files are limited to 4294967295/,
    );
  });
});
