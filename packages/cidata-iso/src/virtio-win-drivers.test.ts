import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDriverMedia, requiredDrivers, selectDrivers } from '@winguest/install-media';
import { buildFakeVirtioWinIso, virtioWinIsoTools } from '@winguest/test-media';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isoinfoJolietPaths, tool } from './__fixtures__/host';
import { cidataLayout, writeIso } from './index';

const gate = requireHostTools([...virtioWinIsoTools, { command: 'isoinfo', debian: 'genisoimage' }]);

describe.skipIf(!gate.available)('cidata media with drivers staged from a virtio-win ISO', () => {
  let dir: string;
  let cidata: string;
  let virtioWinRoot: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cidata-virtio-'));
    const { iso, root } = buildFakeVirtioWinIso({ dir });
    virtioWinRoot = root;
    const media = await openDriverMedia(iso);
    try {
      const required = requiredDrivers({
        diskBus: 'virtio-scsi',
        networkModel: 'virtio-net',
        guestAgent: true,
      });
      const selection = await selectDrivers(media.fileSystem, {
        family: 'server2025',
        arch: 'amd64',
        required,
        guestAgent: true,
      });
      cidata = join(dir, 'cidata.iso');
      const agent = selection.guestAgent;
      if (!agent) throw new Error('no guest agent selected');
      await writeIso(
        cidataLayout({
          answerFile: '<unattend/>',
          files: { 'guest-agent/qemu-ga-x86_64.msi': agent },
          driverFiles: Object.fromEntries(selection.files.map((f) => [f.target, f])),
        }),
        cidata,
      );
    } finally {
      await media.close();
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('isoinfo -J lists the INF of every picked driver under $WinPEDriver$/<driver>/', async () => {
    const infs = (await isoinfoJolietPaths(cidata)).filter((p) => p.toLowerCase().endsWith('.inf'));
    expect(infs).toEqual(
      [
        '$WinPEDriver$/Balloon/balloon.inf',
        '$WinPEDriver$/NetKVM/netkvm.inf',
        '$WinPEDriver$/pvpanic/pvpanic.inf',
        '$WinPEDriver$/qemufwcfg/qemufwcfg.inf',
        '$WinPEDriver$/viofs/viofs.inf',
        '$WinPEDriver$/vioinput/vioinput.inf',
        '$WinPEDriver$/viorng/viorng.inf',
        '$WinPEDriver$/vioscsi/vioscsi.inf',
        '$WinPEDriver$/vioserial/vioser.inf',
      ].sort(),
    );
    expect((await isoinfoJolietPaths(cidata)).some((p) => p.endsWith('.pdb'))).toBe(false);
  });

  test('the staged files and the agent MSI are byte-identical to the 2k25/amd64 originals', async () => {
    const extract = async (path: string) =>
      (await tool('isoinfo', ['-J', '-x', `/${path}`, '-i', cidata])).stdout;
    const original = async (path: string) => readFile(join(virtioWinRoot, path), 'utf8');
    expect(await extract('$WinPEDriver$/vioscsi/vioscsi.sys')).toBe(
      await original('vioscsi/2k25/amd64/vioscsi.sys'),
    );
    expect(await extract('$WinPEDriver$/NetKVM/netkvm.inf')).toBe(
      await original('NetKVM/2k25/amd64/netkvm.inf'),
    );
    expect(await extract('winguest/guest-agent/qemu-ga-x86_64.msi')).toBe(
      await original('guest-agent/qemu-ga-x86_64.msi'),
    );
  });
});
