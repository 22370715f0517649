import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, describe, expect, test } from 'vitest';
import { type CommandRunner, chooseShareMode, probeSmbd, probeVirtiofsd } from './index';

const tools = requireHostTools([{ command: 'qemu-system-x86_64', debian: 'qemu-system-x86' }]);
const root = mkdtempSync(join(tmpdir(), 'wg-vfs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** An executable placeholder file (never run: the probe's runner is injected). */
function program(name: string): string {
  const path = join(root, name);
  writeFileSync(path, '');
  chmodSync(path, 0o755);
  return path;
}
function descriptorDir(name: string, files: Record<string, object>): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, json] of Object.entries(files)) writeFileSync(join(dir, file), JSON.stringify(json));
  return dir;
}
/** Answers like the C virtiofsd of QEMU 7.2 or the Rust virtiofsd 1.x. */
const runnerFor =
  (flavour: 'qemu' | 'rust'): CommandRunner =>
  async (_file, args) => ({
    exitCode: 0,
    timedOut: false,
    stderr: '',
    stdout:
      args[0] === '--version'
        ? flavour === 'qemu'
          ? 'virtiofsd version 7.2.22 (Debian 1:7.2+dfsg-7)\n'
          : 'virtiofsd 1.10.1\n'
        : flavour === 'qemu'
          ? '    -o source=PATH             shared directory tree\n'
          : '      --shared-dir <SHARED_DIR>\n      --readonly\n',
  });

describe('probeVirtiofsd', () => {
  const rust = program('virtiofsd-rust');
  const gpu = program('vhost-user-gpu');
  const user = descriptorDir('user', { '50-virtiofsd.json': { type: 'fs', binary: rust } });
  const system = descriptorDir('system', {
    '10-gpu.json': { type: 'gpu', binary: gpu },
    '20-missing.json': { type: 'fs', binary: join(root, 'not-installed') },
    '50-virtiofsd.json': { type: 'fs', binary: '/hidden/by/the/user/dir' },
  });

  test('takes the binary of the first descriptor of type "fs" that exists; a user file hides the system one', async () => {
    const found = await probeVirtiofsd({ dirs: [user, system], uid: 1000, runner: runnerFor('rust') });
    expect(found).toEqual({
      available: true,
      path: rust,
      flavour: 'rust',
      version: 'virtiofsd 1.10.1',
      readOnlyOption: true,
      descriptor: join(user, '50-virtiofsd.json'),
    });
  });

  test("QEMU's C daemon is recognised and, not being root, refused with the reason", async () => {
    const asUser = await probeVirtiofsd({ dirs: [user], uid: 1000, runner: runnerFor('qemu') });
    expect(asUser).toMatchObject({ available: false, reason: expect.stringMatching(/C virtiofsd.*root/) });
    const asRoot = await probeVirtiofsd({ dirs: [user], uid: 0, runner: runnerFor('qemu') });
    expect(asRoot).toMatchObject({ available: true, flavour: 'qemu', readOnlyOption: false });
  });

  test('macOS and Windows hosts have no vhost-user', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const result = await probeVirtiofsd({ platform, dirs: [user] });
      expect(result).toEqual({
        available: false,
        reason: expect.stringContaining(`Linux only (this host: ${platform})`),
      });
    }
  });

  test.skipIf(!tools.available)("this host's virtiofsd comes from QEMU's own descriptor", async () => {
    const found = await probeVirtiofsd();
    if (!found.available) throw new Error(found.reason);
    expect(found.descriptor).toMatch(/\/vhost-user\/[^/]+\.json$/);
    expect(found.version).toMatch(/virtiofsd/);
  });
});

describe('probeSmbd and chooseShareMode', () => {
  const smbd = program('smbd');

  test('smbd is found only where QEMU looks for it', () => {
    expect(probeSmbd({ paths: [join(root, 'nope', 'smbd'), smbd], platform: 'linux' })).toEqual({
      available: true,
      path: smbd,
    });
    expect(probeSmbd({ paths: [join(root, 'nope', 'smbd')], platform: 'linux' })).toMatchObject({
      available: false,
      reason: expect.stringContaining('Debian: samba'),
    });
    expect(probeSmbd({ paths: [smbd], platform: 'win32' }).available).toBe(false);
  });

  const virtiofsd = {
    available: true,
    path: '/v',
    flavour: 'rust',
    version: '1',
    readOnlyOption: true,
  } as const;
  const noVirtiofsd = { available: false, reason: 'virtio-fs needs vhost-user (darwin)' } as const;
  test.each([
    [
      'virtio-fs wins where virtiofsd runs',
      virtiofsd,
      { available: true, path: '/s' },
      'virtio-fs',
      /virtiofsd \/v/,
    ],
    [
      'SMB where only smbd is present',
      noVirtiofsd,
      { available: true, path: '/s' },
      'smb',
      /vhost-user.*\/s/,
    ],
    [
      'none, pointing at winguest cp',
      noVirtiofsd,
      { available: false, reason: 'no smbd' },
      'none',
      /winguest cp/,
    ],
  ] as const)('%s', (_name, v, s, mode, reason) => {
    const chosen = chooseShareMode(v, s);
    expect(chosen.mode).toBe(mode);
    expect(chosen.reason).toMatch(reason);
  });
});
