import { describe, expect, test } from 'vitest';
import { problems } from './__fixtures__/guest-problems';
import { planProvision } from './plan-provision';
import { planRunner } from './plan-runner';
import { resolveGuest } from './resolve-guest';

describe('shares in the guest description', () => {
  test('defaults: the tag from the directory name, letters from Z down around the ones chosen', () => {
    const guest = resolveGuest({
      shares: [
        { hostPath: '/home/me/My Projects/' },
        { hostPath: 'data', driveLetter: 'z', readOnly: true },
        { hostPath: '/srv/x' },
      ],
    });
    const options = planRunner(guest, {
      name: 'dev',
      arch: 'amd64',
      paths: { shares: ['/abs/My Projects', '/abs/data', '/srv/x'] },
    });
    expect(options.shares).toEqual([
      { hostPath: '/abs/My Projects', tag: 'My_Projects', readOnly: false },
      { hostPath: '/abs/data', tag: 'data', readOnly: true },
      { hostPath: '/srv/x', tag: 'x', readOnly: false },
    ]);
    expect(options.smbShare).toBeUndefined();
  });

  test('every problem at once: duplicate tags (also derived ones), taken and reserved letters, bad tags', () => {
    expect(
      problems({
        shares: [
          { hostPath: '/a/data' },
          { hostPath: '/b/data' },
          { hostPath: '/c', tag: 'c', driveLetter: 'D' },
          { hostPath: '/d', tag: 'd', driveLetter: 'd' },
          { hostPath: '/e', tag: 'has space' },
          { hostPath: '' },
        ],
      }),
    ).toEqual([
      expect.stringMatching(/^shares\[4\]\.tag: .*must not contain spaces/),
      expect.stringMatching(/^shares\[5\]\.hostPath: /),
      expect.stringMatching(/^shares\[1\]\.tag: "data" is already used by shares\[0\]; set a different tag/),
      expect.stringMatching(/^shares\[3\]\.driveLetter: "D" is already used by shares\[2\]/),
      expect.stringMatching(/^shares\[2\]\.driveLetter: "D" is not free: C is the system drive, D-F/),
      expect.stringMatching(/^shares\[3\]\.driveLetter: "D" is not free/),
    ]);
    expect(problems({ shares: [{ hostPath: '/a', driveLetter: 'G' }, { hostPath: '/b' }] })).toEqual([]);
  });

  test.each([
    ['smb', { smbShare: '/abs/a' }],
    ['none', {}],
  ] as const)('a %s host: the runner gets %j', (shareMode, expected) => {
    const guest = resolveGuest({ shares: [{ hostPath: 'a' }, { hostPath: 'b' }] });
    const options = planRunner(guest, {
      name: 'dev',
      arch: 'amd64',
      shareMode,
      paths: { shares: ['/abs/a', '/abs/b'] },
    });
    expect({ shares: options.shares, smbShare: options.smbShare }).toEqual({
      shares: undefined,
      smbShare: undefined,
      ...expected,
    });
  });

  test('provisioning maps the first share with net use on an SMB host (virtio-fs: see check-shares.test.ts)', () => {
    const guest = resolveGuest({ shares: [{ hostPath: '/a', driveLetter: 'S' }, { hostPath: '/b' }] });
    expect(planProvision(guest, { sshKeys: [], shareMode: 'smb' }).sharedFolders).toEqual({
      mode: 'smb',
      driveLetter: 'S',
    });
    expect(planProvision(resolveGuest({}), { sshKeys: [], shareMode: 'smb' }).sharedFolders).toBeUndefined();
  });
});
