import { describe, expect, test } from 'vitest';
import { amd64Host, amd64Spec, arm64Host, arm64Spec } from './__fixtures__/specs';
import { checkQemuSpec, type QemuHostInput, type VmSpecInput } from './index';

const noDrivers = { windows: '/w.iso', cidata: '/c.iso' };

describe('checkQemuSpec: impossible combinations are errors', () => {
  test.each<[string, VmSpecInput, QemuHostInput, string, RegExp]>([
    ['BIOS + Secure Boot', { ...amd64Spec, firmware: 'bios' }, amd64Host, 'spec.secureBoot', /needs UEFI/],
    ['arm64 + BIOS', { ...arm64Spec, firmware: 'bios' }, arm64Host, 'spec.firmware', /no legacy BIOS/],
    [
      'arm64 + AHCI',
      { ...arm64Spec, disk: { path: '/d', interface: 'ahci' } },
      arm64Host,
      'spec.disk.interface',
      /no AHCI/,
    ],
    [
      'arm64 + e1000e',
      { ...arm64Spec, network: { model: 'e1000e' } },
      arm64Host,
      'spec.network.model',
      /no e1000e driver/,
    ],
    ['arm64 + WHPX', arm64Spec, { ...arm64Host, accelerator: 'whpx' }, 'host.accelerator', /x86 guests only/],
    ['TPM without a socket', amd64Spec, { ...amd64Host, tpmSocket: undefined }, 'host.tpmSocket', /swtpm/],
    [
      'guest agent without a socket',
      { ...amd64Spec, guestAgent: true },
      amd64Host,
      'host.guestAgentSocket',
      /guestAgent is on but no socket path/,
    ],
    [
      'UEFI without firmware',
      amd64Spec,
      { ...amd64Host, firmware: undefined },
      'host.firmware',
      /probeFirmware/,
    ],
    [
      'UEFI without a vars copy',
      amd64Spec,
      { ...amd64Host, varsPath: undefined },
      'host.varsPath',
      /writable per-VM copy/,
    ],
    [
      'firmware for the wrong arch',
      arm64Spec,
      amd64Host,
      'host.firmware.arch',
      /firmware is for amd64 but the VM is arm64/,
    ],
    [
      'Secure Boot with firmware that lacks it',
      amd64Spec,
      { ...amd64Host, firmware: { code: '/fw/OVMF_CODE.fd', features: [] } },
      'host.firmware.features',
      /lacks the "secure-boot" feature/,
    ],
    [
      'two forwards on one host port',
      { ...amd64Spec, network: { ssh: 2222, forwards: [{ hostPort: 2222, guestPort: 80 }] } },
      amd64Host,
      'spec.network.forwards[0]',
      /tcp\/2222 is already forwarded by spec.network.ssh/,
    ],
    [
      'missing disk',
      { ...amd64Spec, disk: undefined } as unknown as VmSpecInput,
      amd64Host,
      'spec.disk',
      /object/,
    ],
    [
      'empty disk path',
      { ...amd64Spec, disk: { path: '' } },
      amd64Host,
      'spec.disk.path',
      /must not be empty/,
    ],
    [
      'a bad forward port',
      { ...amd64Spec, network: { forwards: [{ hostPort: 0, guestPort: 22 }] } },
      amd64Host,
      'spec.network.forwards[0].hostPort',
      /1/,
    ],
  ])('%s', (_, spec, host, path, message) => {
    const { errors } = checkQemuSpec(spec, host);
    expect(errors).toEqual([{ path, message: expect.stringMatching(message) }]);
  });

  test('reports every problem at once, in rule order', () => {
    const spec: VmSpecInput = {
      ...arm64Spec,
      firmware: 'bios',
      secureBoot: true,
      disk: { path: '/d', interface: 'ahci' },
      network: { model: 'e1000e', rdp: 3389, forwards: [{ hostPort: 3389, guestPort: 3389 }] },
    };
    const { errors } = checkQemuSpec(spec, { ...arm64Host, tpmSocket: undefined });
    expect(errors.map((e) => e.path)).toEqual([
      'spec.secureBoot',
      'spec.firmware',
      'spec.disk.interface',
      'spec.network.model',
      'host.tpmSocket',
      'spec.network.forwards[0]',
    ]);
  });

  test('schema problems in both inputs are reported together', () => {
    const { errors } = checkQemuSpec(
      { ...amd64Spec, cpus: 0, memoryMiB: 1.5 },
      { ...amd64Host, accelerator: 'xen' as 'kvm' },
    );
    expect(errors.map((e) => e.path)).toEqual(['spec.cpus', 'spec.memoryMiB', 'host.accelerator']);
  });
});

describe('checkQemuSpec: warnings', () => {
  test.each<[string, VmSpecInput, QemuHostInput, string, RegExp]>([
    [
      'arm64 without driver media (NetKVM)',
      { ...arm64Spec, media: noDrivers },
      arm64Host,
      'spec.media.drivers',
      /NetKVM/,
    ],
    [
      'amd64 virtio-blk without drivers',
      { ...amd64Spec, disk: { path: '/d', interface: 'virtio-blk' } },
      amd64Host,
      'spec.media.drivers',
      /will not see the disk/,
    ],
    [
      'amd64 virtio-scsi without drivers',
      { ...amd64Spec, disk: { path: '/d', interface: 'virtio-scsi' } },
      amd64Host,
      'spec.media.drivers',
      /vioscsi/,
    ],
    [
      'amd64 virtio-net without drivers',
      { ...amd64Spec, network: { model: 'virtio-net' } },
      amd64Host,
      'spec.media.drivers',
      /no network/,
    ],
    ['less than 4 GiB', { ...amd64Spec, memoryMiB: 2048 }, amd64Host, 'spec.memoryMiB', /BypassRAMCheck/],
    [
      'Secure Boot without enrolled keys',
      amd64Spec,
      {
        ...amd64Host,
        firmware: { code: '/fw/OVMF_CODE_4M.secboot.fd', features: ['secure-boot', 'requires-smm'] },
      },
      'host.firmware.features',
      /setup mode/,
    ],
  ])('%s', (_, spec, host, path, message) => {
    const { errors, warnings } = checkQemuSpec(spec, host);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([{ path, message: expect.stringMatching(message) }]);
  });

  test('a complete amd64 and arm64 spec have none', () => {
    expect(checkQemuSpec(amd64Spec, amd64Host)).toMatchObject({ errors: [], warnings: [] });
    expect(checkQemuSpec(arm64Spec, arm64Host)).toMatchObject({ errors: [], warnings: [] });
  });
});
