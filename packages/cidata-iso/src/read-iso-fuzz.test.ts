import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineFuzzTests } from '@winguest/fuzz';
import { afterAll, beforeAll } from 'vitest';
import { smallImage } from './__fixtures__/crafted';
import { sectorSize } from './bytes';
import { CidataIsoError, readIso } from './index';
import { parseDirectory } from './read-directory';

let dir: string;
let count = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cidata-iso-fuzz-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const seedLayout = [
  { type: 'file' as const, path: 'autounattend.xml', source: '<unattend/>\n' },
  { type: 'file' as const, path: 'winguest/first-logon.ps1', source: 'Write-Output ok\r\n'.repeat(200) },
  { type: 'file' as const, path: 'winguest/deep/er/still/file.txt', source: 'x' },
  { type: 'directory' as const, path: 'empty' },
];

/** Both-byte-order fields of every directory record and volume descriptor of the seed. */
function fields(seed: Uint8Array): number[] {
  const image = Buffer.from(seed);
  const out: number[] = [];
  const records: { extent: number; size: number }[] = [];
  for (let sector = 16; image[sector * sectorSize + 1] === 0x43; sector++) {
    const vd = sector * sectorSize;
    out.push(vd + 80, vd + 132, vd + 140, vd + 148, vd + 156 + 2, vd + 156 + 10);
    if (image[vd] === 1 || image[vd] === 2)
      records.push({ extent: image.readUInt32LE(vd + 158), size: image.readUInt32LE(vd + 166) });
  }
  const seen = new Set<number>();
  for (let i = 0; i < records.length && i < 64; i++) {
    const { extent, size } = records[i] as { extent: number; size: number };
    if (seen.has(extent)) continue;
    seen.add(extent);
    const base = extent * sectorSize;
    for (const record of parseDirectory(image.subarray(base, base + size), true, base, () => {
      throw new Error('seed is damaged');
    })) {
      out.push(record.at + 2, record.at + 10);
      if (record.isDirectory) records.push(record);
    }
  }
  return out;
}

defineFuzzTests({
  name: 'iso9660',
  crashers: new URL('./__fixtures__/fuzz-crashers/', import.meta.url),
  seed: () => smallImage(seedLayout),
  fields,
  async run(input) {
    const path = join(dir, `${count++}.iso`);
    await writeFile(path, input);
    try {
      const image = await readIso(path);
      for (const entry of image.entries.slice(0, 16)) {
        if (entry.type === 'file') await image.readFile(entry.path);
      }
    } finally {
      await rm(path, { force: true });
    }
  },
  expected: CidataIsoError.isInstance,
});
