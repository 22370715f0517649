import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { checkKubeVirtManifests } from '@winguest/export';
import {
  buildFakeInstallIso,
  buildFakeVirtioWinIso,
  installIsoTools,
  virtioWinIsoTools,
} from '@winguest/test-media';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { runCli } from './run-cli';

const tools = requireHostTools([
  { command: 'virt-xml-validate', debian: 'libvirt-clients' },
  { command: 'xmllint', debian: 'libxml2-utils' },
  { command: 'qemu-img', debian: 'qemu-utils' },
  { command: 'isoinfo', debian: 'genisoimage' },
  ...installIsoTools,
  ...virtioWinIsoTools,
]);

describe.skipIf(!tools.available)('winguest export', () => {
  let root: string;
  let iso: string;
  const env = () => ({ HOME: join(root, 'home'), WINGUEST_PASSWORD: 'correct horse' });
  const workDir = (name: string) => {
    const dir = join(root, name);
    mkdirSync(dir, { recursive: true });
    return dir;
  };
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'winguest-cli-export-'));
    iso = buildFakeInstallIso({ dir: root });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('libvirt: domain.xml libvirt validates, next to an empty disk and the cidata ISO, media in qemu-args order', async () => {
    const dir = workDir('libvirt');
    const result = await runCli(
      ['export', 'libvirt', '--iso', iso, '--out', 'vm1', '--domain-type', 'qemu'],
      {
        cwd: dir,
        env: env(),
      },
    );
    expect(result.exitCode, result.stderr).toBe(0);
    const out = join(dir, 'vm1');
    expect(statSync(join(out, 'cidata.iso')).mode & 0o777).toBe(0o600);
    execFileSync('virt-xml-validate', [join(out, 'domain.xml'), 'domain'], { stdio: 'ignore' });
    const info = JSON.parse(
      execFileSync('qemu-img', ['info', '--output=json', join(out, 'disk.qcow2')], { encoding: 'utf8' }),
    );
    expect([info.format, info['virtual-size']]).toEqual(['qcow2', 64 * 2 ** 30]);
    const xml = readFileSync(join(out, 'domain.xml'), 'utf8');
    const sources = [...xml.matchAll(/<source file="([^"]+)"/g)].map((m) => m[1] as string);
    expect(sources).toEqual([join(out, 'disk.qcow2'), iso, join(out, 'cidata.iso')]);
    expect(xml).toContain(`<source path="${join(out, 'serial.log')}"/>`);
    expect(xml).not.toContain('<hyperv');
    // The same guest as build's qemu.sh: the same devices in the same order.
    const argv = await runCli(['qemu-args', '--iso', iso, '--json'], { cwd: dir, env: env() });
    const files = (JSON.parse(argv.stdout).argv as string[]).flatMap(
      (a) => /(?:^|,)file=([^,]+)/.exec(a)?.[1] ?? [],
    );
    expect(files.filter((f) => !/CODE|vars\.(?:fd|qcow2)/.test(f)).map((f) => basename(f))).toEqual(
      sources.map((s) => basename(s)),
    );
    // The answer file on the media is the one `winguest answerfile` renders for the same description.
    const onMedia = execFileSync(
      'isoinfo',
      ['-J', '-x', '/autounattend.xml', '-i', join(out, 'cidata.iso')],
      { encoding: 'utf8' },
    );
    expect(onMedia).toBe((await runCli(['answerfile', '--iso', iso], { cwd: dir, env: env() })).stdout);
    const again = await runCli(['export', 'libvirt', '--iso', iso, '--out', 'vm1'], { cwd: dir, env: env() });
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('Refusing to overwrite 3 existing file(s)');
    expect(
      (await runCli(['export', 'libvirt', '--iso', iso, '--out', 'vm1', '--force'], { cwd: dir, env: env() }))
        .exitCode,
    ).toBe(0);
  });

  test('kubevirt: one YAML stream with a flat sysprep Secret, the ISO DataVolume and the VM, passing the checks', async () => {
    const dir = workDir('kubevirt');
    const url = 'https://example.com/Win11.iso';
    const result = await runCli(
      ['export', 'kubevirt', '--iso', iso, '--iso-url', url, '--namespace', 'vms', '--json'],
      {
        cwd: dir,
        env: env(),
      },
    );
    expect(result.exitCode, result.stderr).toBe(0);
    const file = join(dir, 'winguest-kubevirt', 'kubevirt.yaml');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const docs = parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJS());
    expect(docs.map((d) => d.kind)).toEqual(['Secret', 'DataVolume', 'VirtualMachine']);
    expect(checkKubeVirtManifests(docs)).toEqual([]);
    const secret = docs[0];
    expect(Object.keys(secret.stringData).sort()).toEqual([
      'autounattend.xml',
      'first-logon.ps1',
      'winguest.marker',
    ]);
    expect(docs[1].spec.source).toEqual({ http: { url } });
    expect(docs[2].metadata.namespace).toBe('vms');
    const answer = await runCli(['answerfile', '--iso', iso], { cwd: dir, env: env() });
    expect(secret.stringData['autounattend.xml']).toBe(answer.stdout);
    expect(JSON.parse(result.stdout).sysprep).toEqual(['first-logon.ps1', 'winguest.marker']);
  });

  test('libvirt: shares become virtiofs filesystems on shared memfd memory; WinFsp and viofs on the media', async () => {
    const dir = workDir('shares');
    mkdirSync(join(dir, 'projects'));
    writeFileSync(join(dir, 'winfsp.msi'), 'not really WinFsp\n');
    const virtioWin = buildFakeVirtioWinIso({ dir });
    const yaml = (readOnly: boolean) =>
      `media:\n  drivers: ${JSON.stringify(virtioWin.iso)}\n  winfspMsi: winfsp.msi\nshares:\n  - hostPath: projects\n    readOnly: ${readOnly}\n`;
    writeFileSync(join(dir, 'winguest.yaml'), yaml(false));
    const result = await runCli(['export', 'libvirt', '--iso', iso, '--out', 'vm'], { cwd: dir, env: env() });
    expect(result.exitCode, result.stderr).toBe(0);
    const domain = join(dir, 'vm', 'domain.xml');
    execFileSync('virt-xml-validate', [domain, 'domain'], { stdio: 'ignore' });
    const xpath = (path: string) =>
      execFileSync('xmllint', ['--xpath', path, domain], { encoding: 'utf8' }).trim();
    expect(xpath('string(/domain/memoryBacking/source/@type)')).toBe('memfd');
    expect(xpath('string(/domain/memoryBacking/access/@mode)')).toBe('shared');
    const fs = '/domain/devices/filesystem[driver/@type="virtiofs"]';
    expect(xpath(`string(${fs}/source/@dir)`)).toBe(join(dir, 'projects'));
    expect(xpath(`string(${fs}/target/@dir)`)).toBe('projects');
    const files = execFileSync('isoinfo', ['-J', '-f', '-i', join(dir, 'vm', 'cidata.iso')], {
      encoding: 'utf8',
    });
    expect(files.split('\n')).toEqual(
      expect.arrayContaining(['/winguest/winfsp.msi', '/winguest/viofs/virtiofs.exe']),
    );

    writeFileSync(join(dir, 'winguest.yaml'), yaml(true));
    const readOnly = await runCli(['export', 'libvirt', '--iso', iso, '--out', 'ro'], {
      cwd: dir,
      env: env(),
    });
    expect(readOnly.exitCode).toBe(1);
    expect(readOnly.stderr).toContain('Read-only shares cannot be exported to libvirt');
    expect(readOnly.stderr).toContain('shares[0].readOnly: true (projects)');
    const kubevirt = await runCli(['export', 'kubevirt', '--iso-url', 'https://example.com/a.iso'], {
      cwd: dir,
      env: env(),
    });
    expect(kubevirt.exitCode).toBe(1);
    expect(kubevirt.stderr).toContain('Shares cannot be exported to KubeVirt');
    expect(kubevirt.stderr).toContain('PVCs');
  });

  test('kubevirt asks for exactly one source of the system', async () => {
    const dir = workDir('usage');
    const none = await runCli(['export', 'kubevirt'], { cwd: dir, env: env() });
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('Give exactly one of --iso-url, --iso-pvc or --clone');
    const bad = await runCli(['export', 'kubevirt', '--clone', 'no-slash'], { cwd: dir, env: env() });
    expect(bad.stderr).toContain('--clone "no-slash" is not namespace/name');
    const arm = await runCli(
      ['export', 'kubevirt', '--arch', 'arm64', '--iso-url', 'https://example.com/a.iso'],
      {
        cwd: dir,
        env: env(),
      },
    );
    expect(arm.exitCode).toBe(1);
    expect(arm.stderr).toContain('This guest cannot be exported to KubeVirt');
    expect(arm.stderr).toContain('vm.disk.bus: KubeVirt has no NVMe disk bus: use "virtio-blk"');
    const connect = await runCli(['export', 'libvirt', '--connect', 'qemu:///system'], {
      cwd: dir,
      env: env(),
    });
    expect(connect.stderr).toContain('--connect needs --define');
  });
});
