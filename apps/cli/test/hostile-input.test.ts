import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from './run-cli';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'winguest-cli-hostile-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh working folder with an empty home (no ~/.ssh keys). */
function work(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(root, 'w-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
const env = (dir: string) => ({ HOME: dir, WINGUEST_PASSWORD: 'Pa55-word' });

const sshKeygen = requireHostTools([{ command: 'ssh-keygen', debian: 'openssh-client' }]);

describe('--ssh-key pointing at a private key', () => {
  test.skipIf(!sshKeygen.available).each(['ed25519', 'rsa'])(
    'a %s private key (OpenSSH and PEM) is refused and nothing of it is printed',
    async (type) => {
      const dir = work();
      for (const format of ['RFC4716', 'PEM']) {
        const key = join(dir, `id_${type}_${format}`);
        execFileSync('ssh-keygen', ['-q', '-t', type, '-m', format, '-N', '', '-f', key]);
        const text = readFileSync(key, 'utf8');
        const result = await runCli(['build', '--ssh-key', key, '--debug'], { cwd: dir, env: env(dir) });
        expect(result.exitCode).toBe(1);
        expect(result.stderr).toContain('is a private key');
        // No 6+ character run of the key's base64 body appears in any output.
        const body = text
          .split('\n')
          .filter((line) => !line.startsWith('-----'))
          .join('');
        for (let i = 0; i + 6 <= body.length; i += 3)
          expect(result.stdout + result.stderr).not.toContain(body.slice(i, i + 6));
        expect(readdirSync(dir).some((f) => f === 'winguest-build')).toBe(false);
      }
    },
  );

  test('private key text given directly is refused too', async () => {
    const dir = work();
    const text = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n';
    const result = await runCli(['build', `--ssh-key=${text}`], { cwd: dir, env: env(dir) });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('is a private key');
    expect(result.stderr).not.toContain('b3BlbnNz');
  });
});

describe('paths that cannot be used', () => {
  test('a folder given as a file is named as such, not "unexpected: EISDIR"', async () => {
    const dir = work();
    mkdirSync(join(dir, 'folder'));
    for (const args of [
      ['--iso', 'folder'],
      ['--ssh-key', 'folder'],
      ['--password-file', 'folder'],
      ['--config', 'folder'],
    ]) {
      const result = await runCli(['build', ...args], { cwd: dir, env: { HOME: dir } });
      expect(result.exitCode, args.join(' ')).toBe(1);
      expect(result.stderr, args.join(' ')).toMatch(/is a directory/);
      expect(result.stderr).not.toContain('unexpected');
    }
  });

  test("--out '' is refused instead of writing into the current folder", async () => {
    const dir = work();
    const result = await runCli(['build', '--out', ''], { cwd: dir, env: env(dir) });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--out was given an empty value');
    expect(readdirSync(dir)).toEqual([]);
  });

  test('a missing media.drivers (and kernel) is reported at validation with its path', async () => {
    const dir = work({
      'winguest.yaml': 'media:\n  drivers: no-such-virtio\nvm:\n  kernel:\n    kernel: no-such-kernel\n',
    });
    const result = await runCli(['build'], { cwd: dir, env: env(dir) });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('media.drivers: "no-such-virtio" does not exist');
    expect(result.stderr).toContain('vm.kernel.kernel: "no-such-kernel" does not exist');
    expect(readdirSync(dir)).toEqual(['winguest.yaml']);
  });
});

describe('sizes', () => {
  test.each([
    ['vm:\n  disk:\n    sizeGiB: 9007199254740991\n', 'vm.disk.sizeGiB'],
    ['vm:\n  memoryMiB: 9007199254740991\n', 'vm.memoryMiB'],
  ])('an absurd size is refused by the schema (%s)', async (config, path) => {
    const dir = work({ 'winguest.yaml': config });
    const result = await runCli(['build'], { cwd: dir, env: env(dir) });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`${path.replace('.', '\\.')}: .*must be at most`));
    expect(readdirSync(dir)).toEqual(['winguest.yaml']);
  });
});

describe('the printed ssh hint', () => {
  test('quotes the user name, so pasting it runs nothing', async () => {
    const dir = work({ 'winguest.yaml': 'user:\n  name: a$(touch pwned)\n' });
    const result = await runCli(['build'], { cwd: dir, env: env(dir) });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain("ssh -p 2222 'a$(touch pwned)@127.0.0.1'");
  });
});
