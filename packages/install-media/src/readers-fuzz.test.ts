import { readFileSync } from 'node:fs';
import { defineFuzzTests, xmlMarkupTokens } from '@winguest/fuzz';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, describe } from 'vitest';
import { genisoimage } from './__fixtures__/media';
import { tinyWim } from './__fixtures__/tiny-wim';
import { tempDir } from './__fixtures__/tools';
import { findDescriptors, retag } from './__fixtures__/udf-patch';
import { writeUdf250 } from './__fixtures__/udf250-writer';
import { bufferSource } from './byte-source';
import { InstallMediaError } from './errors';
import { inspectInstallMedia } from './inspect-install-media';
import { openMediaFileSystem } from './open-media-file-system';
import { readWimInfo } from './wim/wim-info';

const crashers = new URL('./__fixtures__/fuzz-crashers/', import.meta.url);
const files = {
  'setup.exe': Buffer.from('MZ'),
  'sources/install.wim': tinyWim(),
  'efi/microsoft/boot/efisys_noprompt.bin': Buffer.from('boot'),
  'deep/a/b/c.txt': Buffer.from('c'),
};

/** What `media inspect` does with an image, plus listing the root and one sub-directory. */
async function inspectAndList(input: Uint8Array): Promise<void> {
  const image = bufferSource(input);
  await inspectInstallMedia(image).catch((error: unknown) => {
    if (!InstallMediaError.isInstance(error) || error.code !== 'not-install-media') throw error;
  });
  const fs = await openMediaFileSystem(image);
  await fs.readDirectory('');
  await fs.readDirectory('deep/a');
}

const descriptorIds = [1, 2, 5, 6, 8, 256, 258, 261, 266];
const udfSeed = writeUdf250(files, 'WG');
const udfDescriptors = descriptorIds.flatMap((id) => findDescriptors(udfSeed, id));

defineFuzzTests({
  name: 'udf',
  crashers,
  seed: async () => udfSeed,
  // Every aligned 32-bit field in the first 256 bytes of each descriptor: lengths, locations, counts.
  fields: () => udfDescriptors.flatMap((at) => Array.from({ length: 60 }, (_, i) => at + 16 + i * 4)),
  fixup: (input) => {
    for (const at of udfDescriptors) if (at + 16 <= input.length) retag(input, at);
  },
  run: inspectAndList,
  expected: InstallMediaError.isInstance,
});

defineFuzzTests({
  name: 'wim',
  crashers,
  seed: async () => tinyWim(),
  fields: () => [8, 12, 16, 20, 40, 44, 72, 76, 80, 84, 88, 92, 120],
  tokens: xmlMarkupTokens('utf16le', ['<IMAGE INDEX="2">', '</IMAGE>']),
  run: (input) => readWimInfo(bufferSource(input)),
  expected: InstallMediaError.isInstance,
});

const tools = requireHostTools([{ command: 'genisoimage', debian: 'genisoimage' }]);

describe.skipIf(!tools.available)('ISO 9660 media', () => {
  const dir = tempDir('fuzz-iso');
  afterAll(dir.cleanup);
  defineFuzzTests({
    name: 'media-iso9660',
    crashers,
    seed: async () => readFileSync(genisoimage(dir.path, 'seed.iso', files, { joliet: true })),
    // Directory records sit in the sectors after the volume descriptors and path tables.
    fields: (seed) =>
      Array.from({ length: (seed.length - 32768) / 2 }, (_, i) => 32768 + i * 2).slice(0, 8192),
    run: inspectAndList,
    expected: InstallMediaError.isInstance,
  });
});
