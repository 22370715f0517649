import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { InvalidGuestError, planMedia, readDriverMedia, resolveGuest } from './index';

/** An extracted virtio-win copy with the folders a Server 2025 amd64 guest needs (placeholders). */
function extractedVirtioWin(root: string, files: string[]): string {
  for (const file of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), `placeholder ${file}\r\n`);
  }
  return root;
}

const work = mkdtempSync(join(tmpdir(), 'winguest-guest-drivers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const full = extractedVirtioWin(join(work, 'full'), [
  'viostor/2k25/amd64/viostor.inf',
  'viostor/2k25/amd64/viostor.sys',
  'NetKVM/2k25/amd64/netkvm.inf',
  'vioserial/2k25/amd64/vioser.inf',
  'Balloon/2k25/amd64/balloon.inf',
  'guest-agent/qemu-ga-x86_64.msi',
]);
const virtio = {
  family: 'server2025',
  vm: { disk: { bus: 'virtio-blk' }, network: { model: 'virtio-net' } },
  media: { drivers: full },
};

describe('readDriverMedia + planMedia: drivers where Setup finds them, the agent installed after', () => {
  test('viostor, NetKVM and the post-install drivers go under $WinPEDriver$; the agent MSI is checksummed', async () => {
    const guest = resolveGuest(virtio);
    const drivers = await readDriverMedia(guest, 'amd64', full);
    try {
      expect(drivers.staged).toEqual([
        'viostor/2k25/amd64',
        'NetKVM/2k25/amd64',
        'vioserial/2k25/amd64',
        'Balloon/2k25/amd64',
      ]);
      const plan = planMedia(guest, { password: 'pw', sshKeys: [], arch: 'amd64', ...drivers.facts });
      const paths = plan.layout.map((entry) => entry.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          '$WinPEDriver$/viostor/viostor.inf',
          '$WinPEDriver$/NetKVM/netkvm.inf',
          '$WinPEDriver$/vioserial/vioser.inf',
          'winguest/qemu-ga.msi',
        ]),
      );
      const msi = createHash('sha256')
        .update('placeholder guest-agent/qemu-ga-x86_64.msi\r\n')
        .digest('hex')
        .toUpperCase();
      expect(plan.provision).toMatchObject({ guestAgent: { msi: { path: 'qemu-ga.msi', sha256: msi } } });
      expect(plan.provisionScript).toContain(msi);
    } finally {
      await drivers.close();
    }
  });

  test('driver media without the needed folders: one error at media.drivers naming each folder and the fix', async () => {
    const old = extractedVirtioWin(join(work, 'old'), [
      'viostor/2k22/amd64/viostor.inf',
      'guest-agent/qemu-ga-x86_64.msi',
    ]);
    const guest = resolveGuest({ ...virtio, media: { drivers: old } });
    const error = await readDriverMedia(guest, 'amd64', old).catch((e: unknown) => e);
    expect(InvalidGuestError.isInstance(error)).toBe(true);
    const [issue, ...rest] = (error as InvalidGuestError).issues;
    expect(rest).toEqual([]);
    expect(issue?.path).toBe('media.drivers');
    expect(issue?.message).toContain('viostor/2k25/amd64 (for the virtio-blk disk)');
    expect(issue?.message).toContain('NetKVM/2k25/amd64 (for the virtio-net NIC)');
    expect(issue?.message).toContain('or choose in-box devices');
  });

  test('without driver media, a virtio device is an error naming the folder; in-box defaults need none', () => {
    const error = (() => {
      try {
        return resolveGuest({ ...virtio, media: {}, vm: { ...virtio.vm, guestAgent: true } });
      } catch (e) {
        return e;
      }
    })() as InvalidGuestError;
    expect(error.issues.map((i) => i.path)).toEqual(['vm.disk.bus', 'vm.network.model', 'vm.guestAgent']);
    expect(error.message).toContain(
      'vm.disk.bus: "virtio-blk" needs the virtio-blk disk driver viostor/2k25/amd64',
    );
    expect(error.message).toContain('set media.drivers to a virtio-win ISO');
    expect(() => resolveGuest({ family: 'server2025', vm: { disk: { bus: 'nvme' } } })).not.toThrow();
    const linux = { vm: { disk: { bus: 'virtio-scsi' }, kernel: { kernel: 'vmlinuz' } } };
    expect(() => resolveGuest(linux)).not.toThrow(); // a Linux test guest brings its own drivers
  });
});
