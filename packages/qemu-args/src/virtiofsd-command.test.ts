import { describe, expect, test } from 'vitest';
import { virtiofsdCommand } from './index';

const rust = { path: '/usr/libexec/virtiofsd', flavour: 'rust', readOnlyOption: true } as const;
const qemu = { path: '/usr/lib/qemu/virtiofsd', flavour: 'qemu', readOnlyOption: false } as const;
const share = { socket: '/vm/fs0.sock', dir: '/home/me/a,b' };

describe('virtiofsdCommand', () => {
  test('Rust virtiofsd: --shared-dir, unprivileged without its sandbox, --readonly when asked', () => {
    expect(virtiofsdCommand(rust, { ...share, readOnly: true })).toEqual({
      file: rust.path,
      args: [
        '--socket-path=/vm/fs0.sock',
        '--shared-dir=/home/me/a,b',
        '--cache=auto',
        '--sandbox=none',
        '--readonly',
      ],
    });
    expect(virtiofsdCommand(rust, share, { root: true }).args).not.toContain('--sandbox=none');
  });

  test("QEMU's C virtiofsd: -o source= with the comma escaped for its option parser", () => {
    expect(virtiofsdCommand(qemu, share)).toEqual({
      file: qemu.path,
      args: ['--socket-path=/vm/fs0.sock', '-o', 'source=/home/me/a\\,b', '-o', 'cache=auto'],
    });
  });

  test.each([
    ['C daemon', qemu],
    ['Rust daemon older than --readonly', { ...rust, readOnlyOption: false }],
  ])('%s, read-only: runs on a read-only bind mount in a private mount namespace', (_name, daemon) => {
    const { file, args } = virtiofsdCommand(daemon, { ...share, readOnly: true }, { root: true });
    expect(file).toBe('unshare');
    expect(args.slice(0, 5)).toEqual(['--mount', '--propagation', 'private', '--', 'sh']);
    const [, script, argv0, dir, program] = args.slice(5);
    expect(script).toContain('remount,bind,ro');
    expect([argv0, dir, program]).toEqual(['winguest-virtiofsd', share.dir, daemon.path]);
    expect(args).not.toContain('--readonly');
  });
});
