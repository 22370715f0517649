import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterEach, describe, expect, test } from 'vitest';
import { firmwareDescriptorDirs, probeFirmware, readFirmwareDescriptors, selectFirmware } from './index';

// Debian's ovmf and qemu-efi-aarch64 install the descriptors; QEMU's packages pull them in.
const tools = requireHostTools([
  { command: 'qemu-system-x86_64', debian: 'ovmf' },
  { command: 'qemu-system-aarch64', debian: 'qemu-efi-aarch64' },
]);

describe.skipIf(!tools.available)("Debian's firmware descriptors", () => {
  test.each([
    [
      'amd64',
      true,
      '40-edk2-x86_64-secure-enrolled.json',
      '/usr/share/OVMF/OVMF_CODE_4M.ms.fd',
      '/usr/share/OVMF/OVMF_VARS_4M.ms.fd',
    ],
    [
      'amd64',
      false,
      '60-edk2-x86_64.json',
      '/usr/share/OVMF/OVMF_CODE_4M.fd',
      '/usr/share/OVMF/OVMF_VARS_4M.fd',
    ],
    [
      'arm64',
      true,
      '40-edk2-aarch64-secure-enrolled.json',
      '/usr/share/AAVMF/AAVMF_CODE.ms.fd',
      '/usr/share/AAVMF/AAVMF_VARS.ms.fd',
    ],
    [
      'arm64',
      false,
      '60-edk2-aarch64.json',
      '/usr/share/AAVMF/AAVMF_CODE.fd',
      '/usr/share/AAVMF/AAVMF_VARS.fd',
    ],
  ] as const)('%s secureBoot=%s → %s', (arch, secureBoot, descriptor, code, varsTemplate) => {
    const result = probeFirmware({ arch, secureBoot, env: {} });
    expect(result).toMatchObject({
      available: true,
      descriptor: `/usr/share/qemu/firmware/${descriptor}`,
      firmware: { arch, code, varsTemplate },
    });
  });

  test('the amd64 Secure Boot build requires SMM and has Microsoft keys enrolled', () => {
    const result = probeFirmware({ arch: 'amd64', secureBoot: true, env: {} });
    expect(result.available && result.firmware.features).toEqual(
      expect.arrayContaining(['secure-boot', 'enrolled-keys', 'requires-smm']),
    );
  });
});

describe('descriptor search and selection', () => {
  let dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    dirs = [];
  });

  function descriptorDir(files: Record<string, object>): string {
    const dir = mkdtempSync(join(tmpdir(), 'winguest-fw-'));
    dirs.push(dir);
    mkdirSync(dir, { recursive: true });
    for (const [name, json] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(json));
    writeFileSync(join(dir, 'broken.json'), '{ not json');
    return dir;
  }

  const descriptor = (code: string, features: string[] = [], arch = 'x86_64', machines = ['pc-q35-*']) => ({
    'interface-types': ['uefi'],
    mapping: {
      device: 'flash',
      executable: { filename: code, format: 'raw' },
      'nvram-template': { filename: `${code}.vars`, format: 'raw' },
    },
    targets: [{ architecture: arch, machines }],
    features,
  });

  test('a name in an earlier directory hides the same name later; order is by file name', () => {
    const user = descriptorDir({ '50-ovmf.json': descriptor('/user/code.fd') });
    const system = descriptorDir({
      '50-ovmf.json': descriptor('/system/code.fd'),
      '10-first.json': descriptor('/system/first.fd'),
    });
    const found = readFirmwareDescriptors([user, system]);
    expect(found.map((d) => d.code)).toEqual(['/system/first.fd', '/user/code.fd']);
  });

  test('QEMU_FIRMWARE_PATH comes first, then the usual directories and the binary prefix', () => {
    const dirsFound = firmwareDescriptorDirs({
      env: { QEMU_FIRMWARE_PATH: '/a:/b', HOME: '/home/u' },
      qemuPath: '/opt/homebrew/bin/qemu-system-aarch64',
    });
    expect(dirsFound.slice(0, 5)).toEqual([
      '/a',
      '/b',
      '/home/u/.config/qemu/firmware',
      '/etc/qemu/firmware',
      '/usr/share/qemu/firmware',
    ]);
    expect(dirsFound).toContain('/opt/homebrew/share/qemu/firmware');
    expect(dirsFound).toContain('/opt/local/share/qemu/firmware');
  });

  test('selection skips other architectures, machine types and confidential-computing builds', () => {
    const dir = descriptorDir({
      '10-arm.json': descriptor('/arm.fd', [], 'aarch64', ['virt-*']),
      '20-i440fx.json': descriptor('/pc.fd', [], 'x86_64', ['pc-i440fx-*']),
      '30-snp.json': descriptor('/snp.fd', ['amd-sev-snp']),
      '40-sb.json': descriptor('/sb.fd', ['secure-boot', 'requires-smm']),
      '50-plain.json': descriptor('/plain.fd'),
      '60-enrolled.json': descriptor('/enrolled.fd', ['secure-boot', 'enrolled-keys', 'requires-smm']),
    });
    const all = readFirmwareDescriptors([dir]);
    expect(selectFirmware(all, { arch: 'amd64', secureBoot: false })?.firmware.code).toBe('/plain.fd');
    expect(selectFirmware(all, { arch: 'amd64', secureBoot: true })?.firmware.code).toBe('/enrolled.fd');
    expect(selectFirmware(all, { arch: 'arm64', secureBoot: false })?.firmware.code).toBe('/arm.fd');
    expect(selectFirmware(all, { arch: 'arm64', secureBoot: true })).toBeUndefined();
  });

  test('falls back to well-known paths when no descriptor matches, and says where it looked when nothing exists', () => {
    const brew = new Set([
      '/opt/homebrew/share/qemu/edk2-aarch64-code.fd',
      '/opt/homebrew/share/qemu/edk2-arm-vars.fd',
    ]);
    const found = probeFirmware({ arch: 'arm64', secureBoot: false, dirs: [], exists: (p) => brew.has(p) });
    expect(found).toEqual({
      available: true,
      firmware: {
        code: '/opt/homebrew/share/qemu/edk2-aarch64-code.fd',
        varsTemplate: '/opt/homebrew/share/qemu/edk2-arm-vars.fd',
        arch: 'arm64',
        features: [],
      },
    });
    const none = probeFirmware({ arch: 'amd64', secureBoot: true, dirs: ['/nowhere'], exists: () => false });
    expect(none).toEqual({
      available: false,
      reason: expect.stringMatching(/no Secure Boot UEFI firmware for amd64 .*\/nowhere.*ovmf/),
    });
  });

  test('descriptors whose files are missing are ignored', () => {
    const dir = descriptorDir({ '10-gone.json': descriptor('/gone.fd') });
    const present = new Set(['/usr/share/OVMF/OVMF_CODE_4M.fd', '/usr/share/OVMF/OVMF_VARS_4M.fd']);
    const result = probeFirmware({
      arch: 'amd64',
      secureBoot: false,
      dirs: [dir],
      exists: (p) => present.has(p),
    });
    expect(result).toMatchObject({ available: true, firmware: { code: '/usr/share/OVMF/OVMF_CODE_4M.fd' } });
    expect(result.available && result.descriptor).toBeUndefined();
  });
});
