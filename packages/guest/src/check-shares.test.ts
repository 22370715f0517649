import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkShares, InvalidGuestError, planMedia, readDriverMedia, resolveGuest } from './index';

const work = mkdtempSync(join(tmpdir(), 'winguest-guest-shares-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** An extracted virtio-win copy holding `files` (placeholder text). */
function virtioWin(name: string, files: string[]): string {
  const root = join(work, name);
  for (const file of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), `placeholder ${file}\r\n`);
  }
  return root;
}

const viofs = ['viofs.cat', 'viofs.inf', 'viofs.sys', 'virtiofs.exe', 'virtiofs.pdb'].map(
  (file) => `viofs/w11/amd64/${file}`,
);
const withViofs = virtioWin('with-viofs', ['Balloon/w11/amd64/balloon.inf', ...viofs]);
const withoutViofs = virtioWin('without-viofs', ['Balloon/w11/amd64/balloon.inf']);
const winfsp = join(work, 'winfsp.msi');
writeFileSync(winfsp, 'not really WinFsp\n');
const winfspSha256 = createHash('sha256').update('not really WinFsp\n').digest('hex');

/** The guest agent (on by default with driver media) is left out: these media have no agent MSI. */
const vm = { guestAgent: false };
const shares = [
  { hostPath: '/srv/projects', driveLetter: 'P' },
  { hostPath: '/srv/photos', tag: 'pics', readOnly: true },
];

describe('Windows virtio-fs shares: WinFsp and viofs on the media, every share mounted', () => {
  test('the media carry winfsp.msi and viofs (virtiofs.exe, the INF); the provisioning mounts each share', async () => {
    const guest = resolveGuest({ shares, vm, media: { drivers: withViofs, winfspMsi: winfsp } });
    const drivers = await readDriverMedia(guest, 'amd64', withViofs, { virtioFs: true });
    try {
      const plan = planMedia(guest, {
        password: 'pw',
        sshKeys: [],
        arch: 'amd64',
        shareMode: 'virtio-fs',
        winfspMsiPath: winfsp,
        winfspMsiSha256: winfspSha256,
        ...drivers.facts,
      });
      const paths = plan.layout.map((entry) => entry.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          'winguest/winfsp.msi',
          'winguest/viofs/virtiofs.exe',
          'winguest/viofs/viofs.inf',
          '$WinPEDriver$/viofs/viofs.inf',
        ]),
      );
      expect(paths).not.toContain('winguest/viofs/virtiofs.pdb');
      expect(plan.provision.sharedFolders).toEqual({
        mode: 'virtio-fs',
        winfspMsi: { path: 'winfsp.msi', sha256: winfspSha256 },
        virtiofsExe: 'viofs/virtiofs.exe',
        driverInf: 'viofs/viofs.inf',
        shares: [
          { tag: 'projects', driveLetter: 'P', readOnly: false },
          { tag: 'pics', driveLetter: 'Z', readOnly: true },
        ],
      });
      expect(plan.provisionScript).toContain(winfspSha256.toUpperCase());
    } finally {
      await drivers.close();
    }
  });

  test('without media.winfspMsi and media.drivers: one error each, naming the fix', () => {
    const guest = resolveGuest({ shares });
    const issues = checkShares(guest, 'virtio-fs');
    expect(issues.map((i) => i.path)).toEqual(['media.winfspMsi', 'media.drivers']);
    expect(issues[0]?.message).toMatch(/WinFsp MSI.*or remove shares/);
    expect(issues[1]?.message).toContain('viofs/w11/amd64');
    expect(() => planMedia(guest, { password: 'pw', sshKeys: [], shareMode: 'virtio-fs' })).toThrow(
      InvalidGuestError,
    );
  });

  test('an SMB or share-less host, a Linux test guest or no shares need neither', () => {
    expect(checkShares(resolveGuest({ shares }), 'smb')).toEqual([]);
    expect(checkShares(resolveGuest({ shares }), 'none')).toEqual([]);
    expect(checkShares(resolveGuest({}), 'virtio-fs')).toEqual([]);
    const linux = resolveGuest({ shares, vm: { kernel: { kernel: '/k' } } });
    expect(checkShares(linux, 'virtio-fs')).toEqual([]);
  });

  test('driver media without viofs: an error at media.drivers naming the folder', async () => {
    const guest = resolveGuest({ shares, vm, media: { drivers: withoutViofs, winfspMsi: winfsp } });
    const error = await readDriverMedia(guest, 'amd64', withoutViofs, { virtioFs: true }).catch((e) => e);
    expect(InvalidGuestError.isInstance(error)).toBe(true);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ path: 'media.drivers', value: withoutViofs });
    expect(error.issues[0].message).toContain('viofs/w11/amd64');
  });

  test('a viofs folder without virtiofs.exe is refused too', async () => {
    const old = virtioWin('old-viofs', ['viofs/w11/amd64/viofs.inf', 'viofs/w11/amd64/viofs.sys']);
    const guest = resolveGuest({ shares, vm, media: { drivers: old, winfspMsi: winfsp } });
    const error = await readDriverMedia(guest, 'amd64', old, { virtioFs: true }).catch((e) => e);
    expect(error.issues?.[0]?.message).toMatch(/has no virtiofs\.exe in its viofs folder/);
  });
});
