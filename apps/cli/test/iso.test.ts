import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from './run-cli';

const tools = requireHostTools([
  { command: 'isoinfo', debian: 'genisoimage' },
  { command: 'xorriso', debian: 'xorriso' },
]);

describe.skipIf(!tools.available)('winguest iso', () => {
  let dir: string;
  let tree: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'winguest-cli-iso-'));
    tree = join(dir, 'media');
    mkdirSync(join(tree, 'winguest'), { recursive: true });
    writeFileSync(join(tree, 'autounattend.xml'), '<unattend/>\n');
    writeFileSync(join(tree, 'winguest', 'first logon script.ps1'), "Write-Output 'ok'\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('build writes a Joliet image (0600) that isoinfo lists with the long names', async () => {
    const iso = join(dir, 'built.iso');
    const result = await runCli(['iso', 'build', tree, '-o', iso], { cwd: dir });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('wrote');
    expect(statSync(iso).mode & 0o777).toBe(0o600);
    const listing = execFileSync('isoinfo', ['-J', '-f', '-i', iso], { encoding: 'utf8' }).split('\n');
    expect(listing).toContain('/autounattend.xml');
    expect(listing).toContain('/winguest/first logon script.ps1');
  });

  test('build refuses to replace an image without --force, and replaces it with', async () => {
    const iso = join(dir, 'twice.iso');
    expect((await runCli(['iso', 'build', tree, '-o', iso])).exitCode).toBe(0);
    const again = await runCli(['iso', 'build', tree, '-o', iso]);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('Refusing to overwrite');
    expect(again.stderr).toContain('--force');
    expect((await runCli(['iso', 'build', tree, '-o', iso, '--force'])).exitCode).toBe(0);
  });

  test('ls and cat read images made by xorriso', async () => {
    const iso = join(dir, 'xorriso.iso');
    execFileSync('xorriso', ['-as', 'mkisofs', '-quiet', '-J', '-V', 'OTHER', '-o', iso, tree]);
    const ls = await runCli(['iso', 'ls', iso, '--json']);
    expect(ls.exitCode).toBe(0);
    const listing = JSON.parse(ls.stdout);
    expect(listing.volumeLabel).toBe('OTHER');
    expect(listing.entries.map((e: { path: string }) => e.path)).toEqual([
      'autounattend.xml',
      'winguest',
      'winguest/first logon script.ps1',
    ]);
    const cat = await runCli(['iso', 'cat', iso, 'AutoUnattend.XML']);
    expect(cat).toMatchObject({ exitCode: 0, stdout: '<unattend/>\n' });
  });

  test('build --tool xorriso gives the same files', async () => {
    const iso = join(dir, 'by-xorriso.iso');
    expect((await runCli(['iso', 'build', tree, '-o', iso, '--tool', 'xorriso'])).exitCode).toBe(0);
    const cat = await runCli(['iso', 'cat', iso, 'winguest/first logon script.ps1']);
    expect(cat.stdout).toBe("Write-Output 'ok'\n");
  });

  test('errors: missing file in the image, not a directory, bad --tool, missing image', async () => {
    const iso = join(dir, 'built.iso');
    const missing = await runCli(['iso', 'cat', iso, 'nope.txt']);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain('"nope.txt" is not a file in');
    expect(missing.stderr).toContain('winguest iso ls');
    const notDir = await runCli(['iso', 'build', join(tree, 'autounattend.xml'), '-o', join(dir, 'x.iso')]);
    expect(notDir.exitCode).toBe(1);
    expect(notDir.stderr).toContain('is not a directory');
    const badTool = await runCli(['iso', 'build', tree, '-o', join(dir, 'y.iso'), '--tool', 'mkiso']);
    expect(badTool.exitCode).toBe(2);
    expect(badTool.stderr).toContain('--tool "mkiso" is not one of builtin, xorriso');
    const noImage = await runCli(['iso', 'ls', join(dir, 'absent.iso')]);
    expect(noImage.exitCode).toBe(1);
    expect(noImage.stderr).toContain('does not exist');
  });
});
