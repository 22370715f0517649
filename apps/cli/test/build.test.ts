import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintAnswerFile, parseAnswerFile } from '@winguest/answerfile';
import { decodePassword } from '@winguest/password-encoding';
import { buildFakeInstallIso, edition, installIsoTools } from '@winguest/test-media';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from './run-cli';

const tools = requireHostTools([
  { command: 'xmllint', debian: 'libxml2-utils' },
  { command: 'isoinfo', debian: 'genisoimage' },
  { command: 'ssh-keygen', debian: 'openssh-client' },
  ...installIsoTools,
]);

describe.skipIf(!tools.available)('winguest build', () => {
  let root: string;
  let home: string;
  let publicKey: string;
  let iso: string;
  let armIso: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'winguest-cli-build-'));
    home = join(root, 'home');
    mkdirSync(join(home, '.ssh'), { recursive: true });
    execFileSync('ssh-keygen', [
      '-q',
      '-t',
      'ed25519',
      '-N',
      '',
      '-C',
      'dev@laptop',
      '-f',
      join(home, '.ssh', 'id_ed25519'),
    ]);
    publicKey = readFileSync(join(home, '.ssh', 'id_ed25519.pub'), 'utf8').trim();
    iso = buildFakeInstallIso({ dir: root });
    armIso = buildFakeInstallIso({
      dir: root,
      name: 'arm.iso',
      label: 'CCCOMA_A64FRE_EN-US_DV9',
      editions: [
        edition('Windows 11 Home', 'Core', 12, ['en-US']),
        edition('Windows 11 Pro', 'Professional', 12, ['en-US']),
      ],
    });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  function workDir(name: string): string {
    const dir = join(root, name);
    mkdirSync(dir, { recursive: true });
    return dir;
  }
  const env = () => ({ HOME: home, WINGUEST_PASSWORD: '' });

  test('with no config writes everything a Windows 11 Pro amd64 UEFI install needs, checked by outside tools', async () => {
    const dir = workDir('defaults');
    const result = await runCli(['build'], { cwd: dir, env: env() });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('windows11 amd64 uefi, edition Windows 11 Pro');
    const out = join(dir, 'winguest-build');
    for (const [file, mode] of [
      ['autounattend.xml', 0o600],
      ['cidata.iso', 0o600],
      ['password.txt', 0o600],
      ['first-logon.ps1', 0o644],
      ['qemu.sh', 0o755],
    ] as const) {
      expect(statSync(join(out, file)).mode & 0o777, file).toBe(mode);
    }
    const xml = readFileSync(join(out, 'autounattend.xml'), 'utf8');
    execFileSync('xmllint', ['--noout', join(out, 'autounattend.xml')]);
    expect(
      lintAnswerFile(xml, { arch: 'amd64', firmware: 'uefi' }).filter((f) => f.severity !== 'info'),
    ).toEqual([]);
    // The generated password is the one in the answer file, and only the 0600 file says it.
    const password = readFileSync(join(out, 'password.txt'), 'utf8').trim();
    const encoded = /<Password>\s*<PlainText>false<\/PlainText>\s*<Value>([^<]+)/.exec(xml)?.[1];
    expect(decodePassword(encoded as string, 'Password')).toBe(password);
    expect(result.stdout).not.toContain(password);
    // The media: long names through Joliet, the launcher's marker, the script, byte for byte.
    const listing = execFileSync('isoinfo', ['-J', '-f', '-i', join(out, 'cidata.iso')], {
      encoding: 'utf8',
    });
    expect(listing.split('\n')).toEqual(
      expect.arrayContaining(['/autounattend.xml', '/winguest/first-logon.ps1', '/winguest/winguest.marker']),
    );
    const onMedia = execFileSync(
      'isoinfo',
      ['-J', '-x', '/autounattend.xml', '-i', join(out, 'cidata.iso')],
      { encoding: 'utf8' },
    );
    expect(onMedia).toBe(xml);
    // SSH: the key from ~/.ssh is authorised, and the launcher runs the script at first logon.
    const script = readFileSync(join(out, 'first-logon.ps1'), 'utf8');
    expect(script).toContain(publicKey.split(' ')[1]);
    expect(xml).toContain('first-logon.ps1');
    expect(result.stdout).toContain(`(key ${join(home, '.ssh', 'id_ed25519.pub')})`);
    execFileSync('sh', ['-n', join(out, 'qemu.sh')]);
  });

  test('never overwrites an earlier build without --force', async () => {
    const dir = workDir('twice');
    expect((await runCli(['build'], { cwd: dir, env: env() })).exitCode).toBe(0);
    const before = readFileSync(join(dir, 'winguest-build', 'password.txt'), 'utf8');
    const again = await runCli(['build'], { cwd: dir, env: env() });
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('Refusing to overwrite 5 existing file(s)');
    expect(again.stderr).toContain('--force');
    expect(readFileSync(join(dir, 'winguest-build', 'password.txt'), 'utf8')).toBe(before);
    expect((await runCli(['build', '--force'], { cwd: dir, env: env() })).exitCode).toBe(0);
  });

  test('WINGUEST_PASSWORD is used and no password file is written', async () => {
    const dir = workDir('env-password');
    const result = await runCli(['build', '--out', 'o'], {
      cwd: dir,
      env: { ...env(), WINGUEST_PASSWORD: 'Correct-Horse-1' },
    });
    expect(result.exitCode).toBe(0);
    expect(existsSync(join(dir, 'o', 'password.txt'))).toBe(false);
    const xml = readFileSync(join(dir, 'o', 'autounattend.xml'), 'utf8');
    const encoded = /<Password>\s*<PlainText>false<\/PlainText>\s*<Value>([^<]+)/.exec(xml)?.[1];
    expect(decodePassword(encoded as string, 'Password')).toBe('Correct-Horse-1');
  });

  test('--iso: the edition is checked and named from the media; arch comes from the media', async () => {
    const dir = workDir('with-iso');
    const result = await runCli(['build', '--iso', armIso, '--json'], { cwd: dir, env: env() });
    expect(result.exitCode, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({
      arch: 'arm64',
      edition: 'Windows 11 Pro',
      media: { label: 'CCCOMA_A64FRE_EN-US_DV9' },
    });
    const model = parseAnswerFile(readFileSync(join(dir, 'winguest-build', 'autounattend.xml'), 'utf8'));
    expect(model.settings.flatMap((s) => s.components.map((c) => c.processorArchitecture))).not.toContain(
      'amd64',
    );
    expect(readFileSync(join(dir, 'winguest-build', 'qemu.sh'), 'utf8')).toContain(armIso);
  });

  test('--arch arm64 on an x86_64 host: the command file emulates (TCG), never -accel kvm / -cpu host', async () => {
    const dir = workDir('arm64-on-x64');
    const result = await runCli(['build', '--arch', 'arm64', '--json'], { cwd: dir, env: env() });
    expect(result.exitCode, result.stderr).toBe(0);
    const script = readFileSync(join(dir, 'winguest-build', 'qemu.sh'), 'utf8');
    expect(script).toContain('qemu-system-aarch64');
    expect(script).toMatch(/-accel tcg/);
    expect(script).not.toMatch(/-accel (kvm|hvf)|-cpu host/);
    if (process.arch === 'x64')
      expect(JSON.parse(result.stdout).warnings).toEqual(
        expect.arrayContaining([expect.stringContaining('arm64 guest under TCG')]),
      );
  });

  test('edition.description from winguest.yaml selects the image by its description', async () => {
    const dir = workDir('edition-description');
    writeFileSync(join(dir, 'winguest.yaml'), 'edition:\n  description: Windows 11 Pro N\n');
    const result = await runCli(['build'], { cwd: dir, env: env() });
    expect(result.exitCode, result.stderr).toBe(0);
    const xml = readFileSync(join(dir, 'winguest-build', 'autounattend.xml'), 'utf8');
    expect(xml).toMatch(/<Key>\/IMAGE\/DESCRIPTION<\/Key>\s*<Value>Windows 11 Pro N<\/Value>/);
    expect(xml).not.toContain('/IMAGE/NAME');
  });

  test('--iso: a wrong edition, arch or language is refused, listing what the media holds', async () => {
    const dir = workDir('mismatch');
    writeFileSync(
      join(dir, 'winguest.yaml'),
      'edition: Windows 11 Enterprise\narch: arm64\nuiLanguage: fr-FR\n',
    );
    const result = await runCli(['build', '--iso', iso], { cwd: dir, env: env() });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('does not match CCCOMA_X64FRE_EN-US_DV9');
    expect(result.stderr).toContain('edition:');
    expect(result.stderr).toContain('arch:');
    expect(result.stderr).toContain('uiLanguage:');
    expect(result.stderr).toContain('2 "Windows 11 Pro"');
    expect(existsSync(join(dir, 'winguest-build'))).toBe(false);
  });

  test('bad config: every invalid value with its path; broken YAML with its line', async () => {
    const dir = workDir('bad-config');
    // The bad time zone used to be reported only after the other values were fixed: all come at once.
    writeFileSync(
      join(dir, 'winguest.yaml'),
      'computerName: my_pc!\ntimeZone: Mars/Olympus\nuser:\n  name: Guest\nvm:\n  cpus: 0\n',
    );
    const invalid = await runCli(['build'], { cwd: dir, env: env() });
    expect(invalid.exitCode).toBe(1);
    expect(invalid.stderr).toContain('winguest.yaml has 4 invalid value(s)');
    expect(invalid.stderr).toMatch(/timeZone: "Mars\/Olympus" is neither a Windows time zone ID/);
    expect(invalid.stderr).toMatch(/computerName: "my_pc!" may contain only letters/);
    expect(invalid.stderr).toMatch(/user\.name: "Guest" is reserved/);
    expect(invalid.stderr).toMatch(/vm\.cpus: .*\(got 0\)/);
    writeFileSync(join(dir, 'broken.yaml'), 'family: windows11\nvm:\n  cpus: [1, 2\n');
    const broken = await runCli(['build', '-c', 'broken.yaml'], { cwd: dir, env: env() });
    expect(broken.exitCode).toBe(1);
    expect(broken.stderr).toMatch(/broken\.yaml:\d+:\d+: /);
    expect(existsSync(join(dir, 'winguest-build'))).toBe(false);
  });

  test('a missing ISO or password file is one clear error before anything is written', async () => {
    const dir = workDir('missing');
    const noIso = await runCli(['build', '--iso', 'nowhere.iso'], { cwd: dir, env: env() });
    expect(noIso.exitCode).toBe(1);
    expect(noIso.stderr).toContain('nowhere.iso" does not exist');
    const noFile = await runCli(['build', '--password-file', 'absent.txt'], { cwd: dir, env: env() });
    expect(noFile.exitCode).toBe(1);
    expect(noFile.stderr).toContain('absent.txt" does not exist');
    expect(existsSync(join(dir, 'winguest-build'))).toBe(false);
  });
});
