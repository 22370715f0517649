import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFakeInstallIso, edition, installIsoTools } from '@winguest/test-media';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from './run-cli';

const tools = requireHostTools(installIsoTools);

describe.skipIf(!tools.available)('winguest media inspect', () => {
  let dir: string;
  let iso: string;
  let armIso: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'winguest-cli-media-'));
    iso = buildFakeInstallIso({ dir });
    armIso = buildFakeInstallIso({
      dir,
      name: 'arm.iso',
      label: 'CCCOMA_A64FRE_DE-DE_DV9',
      editions: [edition('Windows 11 Pro', 'Professional', 12, ['de-DE'])],
      noPromptBootImage: true,
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('lists every edition with index, name, edition ID, arch and languages', async () => {
    const result = await runCli(['media', 'inspect', iso]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('CCCOMA_X64FRE_EN-US_DV9');
    expect(result.stdout).toMatch(
      /^2\s+Windows 11 Pro\s+Professional\s+amd64\s+10\.0\.26100\.1742\s+en-US,de-DE/m,
    );
    expect(result.stdout).toMatch(/^3\s+Windows 11 Pro N\s+ProfessionalN/m);
    expect(result.stdout).toContain('no-prompt boot image: no');
  });

  test('terminal escapes in edition names are shown escaped; --json keeps them exact', async () => {
    const evil = buildFakeInstallIso({
      dir,
      name: 'evil.iso',
      editions: [edition('Pro\u001b]0;owned\u0007\u001b[2J', 'Professional\u009b31m', 9, ['en-US'])],
    });
    const text = await runCli(['media', 'inspect', evil]);
    expect(text.exitCode).toBe(0);
    for (const control of ['\u001b', '\u0007', '\u009b']) expect(text.stdout).not.toContain(control);
    expect(text.stdout).toContain('Pro\\x1b]0;owned\\x07\\x1b[2J');
    expect(text.stdout).toContain('Professional\\x9b31m');
    const json = JSON.parse((await runCli(['media', 'inspect', evil, '--json'])).stdout);
    expect(json.images[0].name).toBe('Pro\u001b]0;owned\u0007\u001b[2J');
  });

  test('text from media is escaped in errors too (build --iso lists the editions it holds)', async () => {
    const evil = buildFakeInstallIso({
      dir,
      name: 'evil-error.iso',
      editions: [edition('Windows 11 Pro', 'Pro\u001b[2J', 9, ['en-US'])],
    });
    const project = mkdtempSync(join(dir, 'project-'));
    writeFileSync(join(project, 'winguest.yaml'), 'edition: Nope\n');
    const result = await runCli(['build', '--iso', evil, '--out', join(project, 'out')], {
      cwd: project,
      env: { WINGUEST_PASSWORD: 'Sup3r-secret-pw' },
    });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('"Nope" is not on this media');
    expect(result.stderr).not.toContain('\u001b');
    expect(result.stderr).toContain('Pro\\x1b[2J');
  });

  test('--json carries the same facts for scripts', async () => {
    const result = await runCli(['media', 'inspect', armIso, '--json']);
    expect(result.exitCode).toBe(0);
    const media = JSON.parse(result.stdout);
    expect(media).toMatchObject({ label: 'CCCOMA_A64FRE_DE-DE_DV9', arch: 'arm64', noPromptBootImage: true });
    expect(media.images.map((i: { name: string }) => i.name)).toEqual(['Windows 11 Pro']);
  });
});

describe('winguest media inspect, bad input', () => {
  test('a missing ISO is one clear error, exit 1', async () => {
    const result = await runCli(['media', 'inspect', '/nonexistent/win.iso']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('The ISO "/nonexistent/win.iso" does not exist');
    expect(result.stderr).not.toContain('    at ');
  });

  test('a file that is not install media says so', async () => {
    const result = await runCli(['media', 'inspect', '/etc/hostname']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^error: /);
    expect(result.stderr).not.toContain('unexpected');
  });

  test('no path is a usage error', async () => {
    const result = await runCli(['media', 'inspect']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('Expected one ISO path, got 0');
  });
});
