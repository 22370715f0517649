import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostReportSchema } from '@winguest/qemu-args/probe';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { runCli } from './run-cli';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'winguest-cli-commands-'));
  mkdirSync(join(dir, 'home'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = () => ({ HOME: join(dir, 'home'), WINGUEST_PASSWORD: 'Pa55-word' });

describe('winguest init', () => {
  test('writes a commented config that links the schema, documents every field and builds as is', async () => {
    const work = join(dir, 'init');
    mkdirSync(work);
    const result = await runCli(['init', '--family', 'server2025', '--arch', 'arm64'], { cwd: work });
    expect(result.exitCode, result.stderr).toBe(0);
    const text = readFileSync(join(work, 'winguest.yaml'), 'utf8');
    expect(text).toMatch(
      /^# yaml-language-server: \$schema=https:\/\/unpkg\.com\/@winguest\/cli@[\d.]+\/schema\.json/,
    );
    expect(text).toContain('# Windows release: windows10, windows11, server2022, server2025');
    expect(parse(text)).toMatchObject({ family: 'server2025', arch: 'arm64', vm: { cpus: 2 } });
    const built = await runCli(['build', '--json'], { cwd: work, env: env() });
    expect(built.exitCode, built.stderr).toBe(0);
    expect(JSON.parse(built.stdout)).toMatchObject({ family: 'server2025', arch: 'arm64' });
  });

  test('refuses to replace a config without --force; rejects an unknown family', async () => {
    const work = join(dir, 'init-twice');
    mkdirSync(work);
    expect((await runCli(['init'], { cwd: work })).exitCode).toBe(0);
    const again = await runCli(['init'], { cwd: work });
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('Refusing to overwrite');
    const bad = await runCli(['init', '--family', 'windows12', '-o', 'x.yaml'], { cwd: work });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--family');
  });
});

const xmllint = requireHostTools([{ command: 'xmllint', debian: 'libxml2-utils' }]);

describe('winguest answerfile', () => {
  test.skipIf(!xmllint.available)('prints the answer file to stdout; -o writes it 0600', async () => {
    const work = join(dir, 'answerfile');
    mkdirSync(work);
    const printed = await runCli(['answerfile', '--family', 'windows10'], { cwd: work, env: env() });
    expect(printed.exitCode, printed.stderr).toBe(0);
    expect(printed.stdout).toMatch(/^<\?xml/);
    expect(printed.stdout).toContain('<Value>Windows 10 Pro</Value>');
    execFileSync('xmllint', ['--noout', '-'], { input: printed.stdout });
    const written = await runCli(['answerfile', '-o', 'a.xml'], { cwd: work, env: env() });
    expect(written.exitCode).toBe(0);
    expect(statSync(join(work, 'a.xml')).mode & 0o777).toBe(0o600);
  });

  test('without a password it refuses rather than inventing one that would be lost', async () => {
    const result = await runCli(['answerfile'], { cwd: dir, env: { ...env(), WINGUEST_PASSWORD: '' } });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('No password given');
    expect(result.stderr).toContain('WINGUEST_PASSWORD');
    expect(result.stdout).toBe('');
  });
});

describe('winguest lint', () => {
  test('a clean file exits 0; errors show file:line:col, rule id, and exit 1; --format json', async () => {
    const work = join(dir, 'lint');
    mkdirSync(work);
    const answer = await runCli(['answerfile', '-o', 'good.xml'], { cwd: work, env: env() });
    expect(answer.exitCode).toBe(0);
    const clean = await runCli(['lint', 'good.xml'], { cwd: work });
    expect(clean.exitCode).toBe(0);
    expect(clean.stderr).toContain('1 file(s): 0 error(s)');
    const xml = readFileSync(join(work, 'good.xml'), 'utf8');
    writeFileSync(
      join(work, 'bad.xml'),
      xml.replace(
        '<ComputerName>winguest</ComputerName>',
        '<ComputerName>this-name-is-far-too-long</ComputerName>',
      ),
    );
    writeFileSync(
      join(work, 'broken.xml'),
      '<unattend xmlns="urn:schemas-microsoft-com:unattend">\n  <settings>\n</unattend>\n',
    );
    const bad = await runCli(['lint', 'bad.xml', 'broken.xml', 'missing.xml'], { cwd: work });
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toMatch(/^bad\.xml:\d+:\d+ {2}error {2}computer-name {2}.*longer than 15/m);
    expect(bad.stdout).toMatch(/^broken\.xml:3:\d+ {2}error {2}well-formed/m);
    expect(bad.stdout).toContain('missing.xml: error does not exist');
    const json = await runCli(['lint', '--format', 'json', '--arch', 'arm64', 'good.xml'], { cwd: work });
    expect(json.exitCode).toBe(1);
    const [report] = JSON.parse(json.stdout);
    expect(
      report.findings.some(
        (f: { severity: string; message: string }) =>
          f.severity === 'error' && /^On arm64 media Setup stops at/.test(f.message),
      ),
    ).toBe(true);
  });

  test('bad flags are usage errors', async () => {
    expect((await runCli(['lint'])).exitCode).toBe(2);
    const badArch = await runCli(['lint', '--arch', 'x64', 'a.xml']);
    expect(badArch.exitCode).toBe(2);
    expect(badArch.stderr).toContain('--arch "x64" is not amd64 or arm64');
  });
});

describe('winguest qemu-args', () => {
  test('--json gives the argv with the media in the documented order; --shell cmd quotes for cmd', async () => {
    const work = join(dir, 'qemu-args');
    mkdirSync(work);
    writeFileSync(join(work, 'winguest.yaml'), 'vm:\n  accelerator: tcg\n  cpus: 4\n  sshPort: 2022\n');
    const result = await runCli(['qemu-args', '--json'], { cwd: work });
    expect(result.exitCode, result.stderr).toBe(0);
    const { argv } = JSON.parse(result.stdout) as { argv: string[] };
    expect(argv[argv.indexOf('-accel') + 1]).toBe('tcg');
    expect(argv[argv.indexOf('-smp') + 1]).toBe('4');
    const drives = argv.filter((_, i) => argv[i - 1] === '-drive').join('\n');
    expect(drives.indexOf('id=cd-windows')).toBeLessThan(drives.indexOf('id=cd-cidata'));
    expect(argv.join(' ')).toContain('hostfwd=tcp:127.0.0.1:2022-:22');
    const cmd = await runCli(['qemu-args', '--shell', 'cmd'], { cwd: work });
    expect(cmd.exitCode).toBe(0);
    expect(cmd.stdout).toContain('-accel tcg');
    const bad = await runCli(['qemu-args', '--shell', 'fish'], { cwd: work });
    expect(bad.exitCode).toBe(2);
  });
});

const qemu = requireHostTools([{ command: 'qemu-system-x86_64', debian: 'qemu-system-x86' }]);

describe.skipIf(!qemu.available)('winguest doctor', () => {
  test('reports QEMU, firmware, the proven accelerator and swtpm, with fixes; --json', async () => {
    const result = await runCli(['doctor', '--json']);
    // The output is the published host report: programs read these fields, not the check lines.
    const report = hostReportSchema.parse(JSON.parse(result.stdout));
    expect(result.exitCode).toBe(report.ready ? 0 : 1);
    expect(report.qemu.amd64?.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(report.accelerator?.proven).toBe(report.accelerator?.accelerator !== 'tcg');
    if (report.accelerator?.accelerator === 'tcg') expect(report.accelerator.reason).toBeTruthy();
    const names = report.checks.map((c) => c.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'QEMU amd64',
        'UEFI firmware amd64',
        'accelerator',
        'qemu-img',
        'swtpm (TPM 2.0)',
        'ISO writer',
      ]),
    );
    expect(report.checks.find((c) => c.name === 'QEMU amd64')).toMatchObject({ level: 'ok' });
    // The accelerator line states a proven result: either a working one or TCG with the reason.
    const accel = report.checks.find((c) => c.name === 'accelerator');
    expect(accel?.detail).toMatch(/works \(test guest ran\)|^tcg only: .+/);
    // qemu-system-x86 brings qemu-system-common's virtiofsd; QEMU's C daemon runs only as root.
    const shares = report.checks.find((c) => c.name === 'shared folders');
    if (process.getuid?.() === 0)
      expect(shares).toMatchObject({ level: 'ok', detail: expect.stringMatching(/^virtio-fs: .*virtiofsd/) });
    else expect(shares?.detail).toMatch(/^(SMB|none): no virtio-fs \(.*root/);
  });

  test('text output: one line per check, and a fix under every check that is not ok', async () => {
    const result = await runCli(['doctor']);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^(ready|not ready): /);
    lines.forEach((line, i) => {
      if (/^(warn|fail) /.test(line)) expect(lines[i + 1], line).toMatch(/^ +fix: /);
    });
    expect(lines.some((line) => /^(ok|warn) +accelerator /.test(line))).toBe(true);
  });
});
