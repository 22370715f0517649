import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jolietRecordOffset, patchBoth32, patchJolietName, rootRecordOffset } from '@winguest/test-media';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from './run-cli';

describe('winguest iso and media with crafted or damaged images', () => {
  let dir: string;
  let good: Buffer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'winguest-cli-hostile-'));
    const tree = join(dir, 'media');
    mkdirSync(join(tree, 'winguest'), { recursive: true });
    writeFileSync(join(tree, 'autounattend.xml'), '<unattend/>\n');
    writeFileSync(join(tree, 'winguest', 'nameXfile.ps1'), 'Write-Output ok\n');
    const built = await runCli(['iso', 'build', tree, '-o', join(dir, 'good.iso')]);
    expect(built.exitCode).toBe(0);
    good = readFileSync(join(dir, 'good.iso'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function damaged(name: string, change: (image: Buffer) => Buffer): string {
    const image = Buffer.from(good);
    const path = join(dir, name);
    writeFileSync(path, change(image));
    return path;
  }

  function expectCleanFailure(result: { exitCode: number; stderr: string }, pattern: RegExp): void {
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^error: /);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr).not.toContain('    at ');
    expect(result.stderr).not.toContain('unexpected');
  }

  test.each([
    ['iso', 'ls'],
    ['iso', 'cat'],
    ['media', 'inspect'],
  ])(
    '%s %s: a root directory of 2^31 bytes is one clear error (exit 1), not an abort',
    async (...command) => {
      const iso = damaged(`root-${command[1]}.iso`, (image) => {
        patchBoth32(image, rootRecordOffset(image) + 10, 0x8000_0000);
        return image;
      });
      const args = command[1] === 'cat' ? [...command, iso, 'autounattend.xml'] : [...command, iso];
      expectCleanFailure(await runCli(args), /2147483648 bytes/);
    },
  );

  test('cat of a file whose data lies past the end fails instead of printing part of it', async () => {
    const iso = damaged('cut-file.iso', (image) => {
      const at = jolietRecordOffset(image, 'autounattend.xml');
      patchBoth32(image, at + 2, image.length / 2048 - 1);
      patchBoth32(image, at + 10, 4096);
      return image;
    });
    const result = await runCli(['iso', 'cat', iso, 'autounattend.xml']);
    expectCleanFailure(result, /"autounattend\.xml".*beyond the end of the image/);
    expect(result.stdout).toBe('');
  });

  test('a truncated image does not list as empty', async () => {
    const iso = damaged('truncated.iso', (image) => image.subarray(0, 19 * 2048));
    const result = await runCli(['iso', 'ls', iso]);
    expectCleanFailure(result, /truncated/);
    expect(result.stdout).toBe('');
  });

  test('terminal escapes in a file name are shown escaped; --json keeps the exact name', async () => {
    const iso = damaged('escape.iso', (image) => {
      patchJolietName(image, 'nameXfile.ps1', 4, 0x1b);
      return image;
    });
    const text = await runCli(['iso', 'ls', iso]);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).not.toContain('\u001b');
    expect(text.stdout).toContain('winguest/name\\x1bfile.ps1');
    const json = await runCli(['iso', 'ls', iso, '--json']);
    const paths = JSON.parse(json.stdout).entries.map((e: { path: string }) => e.path);
    expect(paths).toContain('winguest/name\u001bfile.ps1');
  });

  test('build refuses a tree holding a link out of it, naming the link and the fix, and writes nothing', async () => {
    const tree = join(dir, 'linked');
    mkdirSync(tree);
    writeFileSync(join(dir, 'secret'), 'root:$6$hash\n');
    symlinkSync(join(dir, 'secret'), join(tree, 'shadow'));
    symlinkSync('/dev/zero', join(tree, 'zero'));
    const out = join(dir, 'linked.iso');
    const result = await runCli(['iso', 'build', tree, '-o', out]);
    expectCleanFailure(result, /"shadow" is a symbolic link/);
    expect(result.stderr).toContain('"zero" is a symbolic link');
    expect(result.stderr).toContain('cp -L');
    expect(existsSync(out)).toBe(false);
  });
});
