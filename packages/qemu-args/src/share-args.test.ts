import { describe, expect, test } from 'vitest';
import { amd64Host, amd64Spec, arm64Host, arm64Spec } from './__fixtures__/specs';
import { buildQemuArgs, checkQemuSpec, InvalidQemuSpecError } from './index';

/** The value following each occurrence of `flag`. */
function values(args: string[], flag: string): string[] {
  return args.flatMap((arg, i) => (arg === flag ? [args[i + 1] as string] : []));
}

const sockets = { home: '/vm/fs0.sock', 'proj,ects': '/vm/fs1.sock' };
const twoShares = { ...amd64Spec, shares: [{ tag: 'home' }, { tag: 'proj,ects' }] };

describe('virtio-fs shares', () => {
  test('guest RAM becomes a shared memfd of the guest memory size, and each tag gets its vhost-user-fs device', () => {
    const { args } = buildQemuArgs(twoShares, { ...amd64Host, virtiofsSockets: sockets });
    expect(values(args, '-machine')).toEqual(['q35,smm=on,memory-backend=mem']);
    expect(values(args, '-object')).toEqual(['memory-backend-memfd,id=mem,size=8192M,share=on']);
    expect(values(args, '-chardev')).toEqual(
      expect.arrayContaining(['socket,id=vfs0,path=/vm/fs0.sock', 'socket,id=vfs1,path=/vm/fs1.sock']),
    );
    expect(values(args, '-device')).toEqual(
      expect.arrayContaining([
        'vhost-user-fs-pci,chardev=vfs0,tag=home,id=fs0',
        'vhost-user-fs-pci,chardev=vfs1,tag=proj,,ects,id=fs1', // a comma survives QEMU's option parser
      ]),
    );
  });

  test('arm64 (virt) takes the same memory backend', () => {
    const spec = { ...arm64Spec, shares: [{ tag: 'data' }] };
    const host = { ...arm64Host, accelerator: 'tcg' as const, virtiofsSockets: { data: '/vm/fs0.sock' } };
    const { args } = buildQemuArgs(spec, host);
    expect(values(args, '-machine')).toEqual(['virt,memory-backend=mem']);
    expect(values(args, '-object')).toEqual([
      `memory-backend-memfd,id=mem,size=${spec.memoryMiB ?? 4096}M,share=on`,
    ]);
  });

  test('no shares: guest RAM stays private and no vhost-user device appears', () => {
    const { args } = buildQemuArgs(amd64Spec, amd64Host);
    expect(args.join(' ')).not.toMatch(/memory-backend|vhost-user/);
  });

  test('every share problem is reported at once, with its path', () => {
    const tooLong = 'ä'.repeat(19); // 19 characters, 38 bytes
    const spec = { ...amd64Spec, shares: [{ tag: 'a' }, { tag: 'b' }, { tag: 'a' }, { tag: '' }] };
    const schema = checkQemuSpec({ ...amd64Spec, shares: [{ tag: tooLong }, { tag: '' }] }, amd64Host);
    expect(schema.errors.map((e) => e.path)).toEqual(['spec.shares[0].tag', 'spec.shares[1].tag']);
    expect(schema.errors[0]?.message).toMatch(/at most 36 bytes/);
    expect(
      checkQemuSpec(
        { ...amd64Spec, shares: [{ tag: 'x'.repeat(36) }] },
        {
          ...amd64Host,
          virtiofsSockets: { ['x'.repeat(36)]: '/s' },
        },
      ).errors,
    ).toEqual([]);

    const rules = checkQemuSpec(
      { ...spec, shares: spec.shares.slice(0, 3) },
      {
        ...amd64Host,
        virtiofsSockets: { a: '/vm/a.sock' },
      },
    );
    expect(rules.errors).toEqual([
      {
        path: 'spec.shares[2].tag',
        message: expect.stringContaining('"a" is already used by spec.shares[0]'),
      },
      { path: 'host.virtiofsSockets.b', message: expect.stringContaining('no virtiofsd socket') },
    ]);
  });

  test.each(['hvf', 'whpx'] as const)('%s hosts (no vhost-user) are told to use SMB', (accelerator) => {
    const error = (() => {
      try {
        buildQemuArgs(
          { ...arm64Spec, shares: [{ tag: 'a' }] },
          { ...arm64Host, accelerator, virtiofsSockets: { a: '/s' } },
        );
      } catch (e) {
        return e as InvalidQemuSpecError;
      }
    })();
    expect(error).toBeInstanceOf(InvalidQemuSpecError);
    expect(error?.issues).toContainEqual({
      path: 'spec.shares',
      message: expect.stringContaining('network.smb'),
    });
  });
});

describe('SMB share on the user network', () => {
  test('smb= names the directory, commas doubled, before the port forwards', () => {
    const spec = { ...amd64Spec, network: { ...amd64Spec.network, smb: '/home/me/shared, stuff' } };
    const { args } = buildQemuArgs(spec, amd64Host);
    expect(values(args, '-netdev')).toEqual([
      'user,id=net0,smb=/home/me/shared,, stuff,hostfwd=tcp:127.0.0.1:2222-:22',
    ]);
  });

  test('QEMU for Windows (WHPX) cannot start smbd: refused with the alternative', () => {
    const spec = { ...amd64Spec, secureBoot: false, network: { smb: '/s' } };
    const check = checkQemuSpec(spec, { ...amd64Host, accelerator: 'whpx' });
    expect(check.errors).toContainEqual({
      path: 'spec.network.smb',
      message: expect.stringContaining('winguest cp'),
    });
  });
});
