import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePassword } from '@winguest/password-encoding';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from './run-cli';

const tools = requireHostTools([{ command: 'isoinfo', debian: 'genisoimage' }]);

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'winguest-cli-build-folder-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The password in the folder's answer file, and in the answer file on its cidata.iso. */
function passwords(out: string): { folder: string; media: string } {
  const decode = (xml: string) =>
    decodePassword(
      /<Password>\s*<PlainText>false<\/PlainText>\s*<Value>([^<]+)/.exec(xml)?.[1] as string,
      'Password',
    );
  const media = execFileSync('isoinfo', ['-J', '-x', '/autounattend.xml', '-i', join(out, 'cidata.iso')], {
    encoding: 'utf8',
  });
  return { folder: decode(readFileSync(join(out, 'autounattend.xml'), 'utf8')), media: decode(media) };
}

describe.skipIf(!tools.available)('a build folder is all old or all new', () => {
  test('--force with WINGUEST_PASSWORD after a generated password removes the stale password.txt', async () => {
    const cwd = mkdtempSync(join(root, 'force-'));
    const out = join(cwd, 'winguest-build');
    const first = await runCli(['build'], { cwd, env: { HOME: cwd, WINGUEST_PASSWORD: '' } });
    expect(first.exitCode, first.stderr).toBe(0);
    const generated = readFileSync(join(out, 'password.txt'), 'utf8').trim();
    expect(passwords(out)).toEqual({ folder: generated, media: generated });

    const again = await runCli(['build', '--force'], {
      cwd,
      env: { HOME: cwd, WINGUEST_PASSWORD: 'Pa55-word' },
    });
    expect(again.exitCode, again.stderr).toBe(0);
    expect(existsSync(join(out, 'password.txt'))).toBe(false);
    expect(passwords(out)).toEqual({ folder: 'Pa55-word', media: 'Pa55-word' });
    expect(readdirSync(out).sort()).toEqual(['autounattend.xml', 'cidata.iso', 'first-logon.ps1', 'qemu.sh']);
  });

  test('two builds into one folder at once never leave files that disagree', async () => {
    const cwd = mkdtempSync(join(root, 'race-'));
    const out = join(cwd, 'winguest-build');
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all(
        ['First-pa55', 'Second-pa55'].map((password) =>
          runCli(['build', '--force'], { cwd, env: { HOME: cwd, WINGUEST_PASSWORD: password } }),
        ),
      );
      for (const result of results) {
        // Either run finishes, or it is turned away while the other holds the folder.
        if (result.exitCode !== 0) expect(result.stderr).toMatch(/is in use by another winguest command/);
      }
      expect(results.some((r) => r.exitCode === 0)).toBe(true);
      const { folder, media } = passwords(out);
      expect(media).toBe(folder);
      expect(['First-pa55', 'Second-pa55']).toContain(folder);
      expect(readdirSync(out).filter((name) => name.startsWith('.'))).toEqual([]);
    }
  });
});
