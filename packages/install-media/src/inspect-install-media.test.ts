import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWim, consumerEditions, edition } from '@winguest/test-media';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, describe, expect, test } from 'vitest';
import { genisoimage } from './__fixtures__/media';
import { expectedImage, wiminfo } from './__fixtures__/reference';
import { run, tempDir } from './__fixtures__/tools';
import { openFileSource } from './byte-source';
import { NotInstallMediaError } from './errors';
import { inspectInstallMedia } from './inspect-install-media';

const tools = requireHostTools([
  { command: 'wimlib-imagex', debian: 'wimtools' },
  { command: 'genisoimage', debian: 'genisoimage' },
]);

const bootFiles = { 'efi/microsoft/boot/efisys.bin': 'prompt', 'bootmgr.efi': 'MZ' };

describe.skipIf(!tools.available)('inspectInstallMedia', () => {
  const dir = tempDir('inspect');
  afterAll(dir.cleanup);

  function mediaWith(name: string, wimName: string, editions = consumerEditions, extra = {}, udf = true) {
    const wim = join(dir.path, `${name}.${wimName}`);
    buildWim(join(dir.path, name), wim, editions);
    const files = { ...bootFiles, ...extra, [`sources/${wimName}`]: readFileSync(wim) };
    return { wim, image: genisoimage(dir.path, `${name}.iso`, files, { udf, joliet: true }) };
  }

  test('x64 multi-edition UDF media: label, arch, every edition as wiminfo reports it, languages, no-prompt boot', async () => {
    const noPrompt = { 'efi/microsoft/boot/efisys_noprompt.bin': 'noprompt' };
    const { wim, image } = mediaWith('x64', 'install.wim', consumerEditions, noPrompt);
    const media = await inspectInstallMedia(image);
    expect(media).toMatchObject({
      label: 'CCCOMA_X64FRE_EN-US_DV9',
      fileSystem: 'udf',
      udfRevision: '1.02',
      installImage: 'sources/install.wim',
      format: 'wim',
      parts: 1,
      arch: 'amd64',
      languages: ['en-US', 'de-DE'],
      noPromptBootImage: true,
    });
    expect(media.images).toEqual(wiminfo(wim).images.map(expectedImage));
    expect(media.images.map((i) => i.name)).toEqual([
      'Windows 11 Home',
      'Windows 11 Pro',
      'Windows 11 Pro N',
      'Windows 11 Education',
    ]);
  });

  test('arm64 media with install.esd in a Joliet-only ISO: arm64, no no-prompt boot image', async () => {
    const arm = [edition('Windows 11 Pro', 'Professional', 12, ['de-DE'])];
    const { wim, image } = mediaWith('arm64', 'install.esd', arm, {}, false);
    const media = await inspectInstallMedia(image);
    expect(media).toMatchObject({
      fileSystem: 'joliet',
      format: 'esd',
      arch: 'arm64',
      languages: ['de-DE'],
      noPromptBootImage: false,
    });
    expect(media.images).toEqual(wiminfo(wim).images.map(expectedImage));
  });

  test('reads file-system structures, the WIM header and XML only (under 48 KiB besides the XML)', async () => {
    const { image } = mediaWith('counted', 'install.wim');
    const source = await openFileSource(image);
    try {
      await inspectInstallMedia(source);
      const xml = Buffer.byteLength(
        run('wiminfo', ['--xml', join(dir.path, 'counted.install.wim')]),
        'latin1',
      );
      expect(source.bytesRead).toBeLessThan(48 * 1024 + xml);
    } finally {
      await source.close();
    }
  });

  test('an ISO without sources/install.* is refused, naming the volume', async () => {
    const image = genisoimage(
      dir.path,
      'drivers.iso',
      { 'viostor/w11/amd64/viostor.inf': 'x' },
      { udf: true, label: 'virtio-win' },
    );
    const error = await inspectInstallMedia(image).catch((e) => e);
    expect(NotInstallMediaError.isInstance(error) && error.code).toBe('not-install-media');
    expect(error.message).toContain('"virtio-win" has no sources/install.wim, install.esd or install.swm');
  });
});
