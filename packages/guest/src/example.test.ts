import type { HostProbe } from '@winguest/qemu-args/probe';
import { describe, expect, test } from 'vitest';
import { guestArch, planCommandFile, planHost, planMedia, planRunner, resolveGuest } from './index';

/** The README's example, as a test: a description and probed host facts → every artifact, no I/O. */
const host: HostProbe = {
  qemu: {
    available: true,
    path: '/usr/bin/qemu-system-x86_64',
    version: { major: 9, minor: 2, micro: 0 },
    versionText: 'QEMU emulator version 9.2.0',
  },
  firmware: {
    available: true,
    firmware: {
      code: '/usr/share/OVMF/OVMF_CODE_4M.ms.fd',
      varsTemplate: '/usr/share/OVMF/OVMF_VARS_4M.ms.fd',
      arch: 'amd64',
      features: ['secure-boot', 'enrolled-keys', 'requires-smm'],
    },
  },
  accelerator: { accelerator: 'kvm', smm: true },
};

describe('a guest description, planned', () => {
  const guest = resolveGuest({
    family: 'windows11',
    edition: { description: 'Windows 11 Pro' },
    timeZone: 'Europe/Berlin',
    vm: { cpus: 4, memoryMiB: 8192, tpm: true, secureBoot: true },
  });
  const arch = guestArch(guest);

  test('the media: answer file, provisioning script and the cidata layout', () => {
    const media = planMedia(guest, { password: 'Correct-Horse-1', sshKeys: [] });
    expect(media.answerFile).toContain('<Key>/IMAGE/DESCRIPTION</Key>');
    expect(media.answerFile).toContain('<TimeZone>W. Europe Standard Time</TimeZone>');
    expect(media.answerFile).not.toContain('Correct-Horse-1');
    expect(media.provisionScript).toContain('WINGUEST');
    expect(media.layout.map((entry) => entry.path)).toEqual(
      expect.arrayContaining(['autounattend.xml', 'winguest/first-logon.ps1']),
    );
    // TPM and Secure Boot are on: Windows 11's hardware checks need no bypass.
    expect(media.answer.bypassHardwareChecks).toBe(false);
  });

  test('the command file and the runner options come from the same description', () => {
    const plan = planHost(guest, arch, host);
    expect(plan).toMatchObject({ accelerator: 'kvm', warnings: [] });
    const file = planCommandFile(guest, { arch, host: plan, shell: 'posix' });
    expect(file.argv).toEqual(expect.arrayContaining(['-smp', '4', '-m', '8192', '-accel', 'kvm']));
    expect(file.text).toContain('swtpm socket --tpm2');
    expect(planRunner(guest, { name: 'dev', arch })).toMatchObject({
      name: 'dev',
      cpus: 4,
      memoryMiB: 8192,
      tpm: true,
      secureBoot: true,
      disk: { size: '64G' },
    });
  });

  test('one option, one place: vm.disk.bus and vm.network.model reach the command file and the runner', () => {
    const virtio = resolveGuest({
      vm: { disk: { bus: 'virtio-blk' }, network: { model: 'virtio-net' } },
      media: { drivers: 'virtio-win.iso' },
    });
    const file = planCommandFile(virtio, { arch, host: planHost(virtio, arch, host), shell: 'posix' });
    expect(file.argv.some((arg) => arg.startsWith('virtio-blk-pci,drive=disk0'))).toBe(true);
    expect(file.argv.some((arg) => arg.startsWith('virtio-net-pci,'))).toBe(true);
    expect(file.argv.some((arg) => arg.includes('name=org.qemu.guest_agent.0'))).toBe(true);
    expect(file.argv.some((arg) => arg.includes('path=qga.sock'))).toBe(true);
    expect(planRunner(virtio, { name: 'dev', arch })).toMatchObject({
      disk: { interface: 'virtio-blk' },
      nic: 'virtio-net',
      guestAgent: true,
      media: {},
    });
    const sata = resolveGuest({ vm: { disk: { bus: 'sata', sizeGiB: 80 } } });
    expect(planRunner(sata, { name: 'dev', arch })).toMatchObject({
      disk: { interface: 'ahci', size: '80G' },
      nic: 'e1000e',
      guestAgent: false,
    });
    expect(() => resolveGuest({ vm: { disk: { bus: 'scsi' } } })).toThrow(/vm\.disk\.bus: /);
  });

  test('an arm64 guest on an x64 host runs under TCG with a warning, never with KVM', () => {
    const arm = resolveGuest({ arch: 'arm64', vm: { accelerator: 'auto' } });
    const probed: HostProbe = {
      ...host,
      accelerator: {
        accelerator: 'tcg',
        smm: false,
        foreignArch: true,
        reason: 'the host CPU is x64; arm64 guests can only be emulated',
      },
    };
    const plan = planHost(arm, 'arm64', probed);
    expect(plan.accelerator).toBe('tcg');
    expect(plan.warnings).toEqual([expect.stringContaining('arm64 guest under TCG')]);
    const forced = planHost(resolveGuest({ arch: 'arm64', vm: { accelerator: 'kvm' } }), 'arm64', probed);
    expect(forced.accelerator).toBe('tcg');
    expect(forced.warnings).toEqual([expect.stringContaining('kvm was asked for but does not work')]);
  });
});
