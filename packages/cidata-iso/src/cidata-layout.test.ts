import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isoinfoJolietPaths, tool } from './__fixtures__/host';
import { cidataLayout, readIso, writeIso } from './index';

describe('cidataLayout', () => {
  test('puts the answer file at the root, provisioning files and the marker in one folder, drivers under $WinPEDriver$', () => {
    const layout = cidataLayout({
      answerFile: '<unattend/>',
      files: { 'first-logon.ps1': 'Write-Output ok', 'keys/admin.pub': Buffer.from('ssh-ed25519 AAAA') },
      drivers: { viostor: '/host/virtio/viostor/w11/amd64', NetKVM: '/host/virtio/NetKVM/w11/amd64' },
      driverFiles: { 'vioscsi/vioscsi.inf': '[Version]' },
    });
    expect(layout).toEqual([
      { type: 'file', path: 'autounattend.xml', source: '<unattend/>' },
      { type: 'directory', path: 'winguest' },
      { type: 'file', path: 'winguest/first-logon.ps1', source: 'Write-Output ok' },
      { type: 'file', path: 'winguest/keys/admin.pub', source: Buffer.from('ssh-ed25519 AAAA') },
      { type: 'file', path: 'winguest/winguest.marker', source: 'winguest provisioning media\n' },
      { type: 'tree', path: '$WinPEDriver$/viostor', from: '/host/virtio/viostor/w11/amd64' },
      { type: 'tree', path: '$WinPEDriver$/NetKVM', from: '/host/virtio/NetKVM/w11/amd64' },
      { type: 'file', path: '$WinPEDriver$/vioscsi/vioscsi.inf', source: '[Version]' },
    ]);
  });

  test('folder and marker are the caller’s choice; marker false leaves it out', () => {
    const custom = cidataLayout({
      answerFile: { path: '/a.xml' },
      folder: 'prov',
      marker: { name: 'ID-1234.tag', content: '1234' },
    });
    expect(custom.map((e) => e.path)).toEqual(['autounattend.xml', 'prov', 'prov/ID-1234.tag']);
    expect(cidataLayout({ answerFile: 'x', marker: false }).map((e) => e.path)).toEqual(['autounattend.xml']);
  });
});

const gate = requireHostTools([{ command: 'isoinfo', debian: 'genisoimage' }]);

describe.skipIf(!gate.available)('cidata media as Windows Setup sees it', () => {
  let dir: string;
  let iso: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cidata-iso-layout-'));
    const driver = join(dir, 'viostor');
    await mkdir(join(driver, 'amd64'), { recursive: true });
    await writeFile(join(driver, 'amd64', 'viostor.inf'), '[Version]\r\n');
    await writeFile(join(driver, 'amd64', 'viostor.sys'), Buffer.alloc(5000, 9));
    iso = join(dir, 'cidata.iso');
    await writeIso(
      cidataLayout({ answerFile: '<unattend/>', files: { 'a.ps1': 'x' }, drivers: { viostor: driver } }),
      iso,
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('the long name autounattend.xml survives in Joliet (the ISO 9660 name alone, AUTOUNAT.XML, is ignored by Setup)', async () => {
    expect(await isoinfoJolietPaths(iso)).toContain('autounattend.xml');
    const { stdout } = await tool('isoinfo', ['-l', '-i', iso]);
    expect(stdout).toContain('AUTOUNAT.XML;1');
  });

  test('driver trees sit under $WinPEDriver$ at the root, copied recursively', async () => {
    expect(await isoinfoJolietPaths(iso)).toEqual(
      expect.arrayContaining([
        '$WinPEDriver$/viostor/amd64/viostor.inf',
        '$WinPEDriver$/viostor/amd64/viostor.sys',
      ]),
    );
    const image = await readIso(iso);
    expect(image.volumeLabel).toBe('CIDATA');
    expect(
      (await image.readFile('$WinPEDriver$/viostor/amd64/viostor.sys')).equals(Buffer.alloc(5000, 9)),
    ).toBe(true);
    expect((await image.readFile('winguest/winguest.marker')).toString()).toBe(
      'winguest provisioning media\n',
    );
  });
});
