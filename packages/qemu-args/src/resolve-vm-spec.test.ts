import { describe, expect, test } from 'vitest';
import { buildQemuArgs, InvalidQemuSpecError, portForwardsOf, resolveVmSpec, userNetworkArgs } from './index';

const host = {
  binary: 'qemu',
  accelerator: 'tcg',
  qmp: { path: '/q' },
  firmware: { code: '/c' },
  varsPath: '/v',
} as const;

describe('resolveVmSpec', () => {
  test.each([
    ['amd64', 'ahci', 'e1000e'],
    ['arm64', 'nvme', 'virtio-net'],
  ] as const)('%s gets the %s disk and the %s NIC buildQemuArgs uses', (arch, disk, nic) => {
    const spec = resolveVmSpec({ arch, disk: { path: 'd.qcow2' } });
    expect([spec.disk.interface, spec.network.model, spec.cpus, spec.firmware]).toEqual([
      disk,
      nic,
      2,
      'uefi',
    ]);
  });

  test('reports every schema problem with its spec. path', () => {
    let error: unknown;
    try {
      resolveVmSpec({ arch: 'x86' as 'amd64', cpus: 0, disk: { path: '' } });
    } catch (caught) {
      error = caught;
    }
    expect(InvalidQemuSpecError.isInstance(error)).toBe(true);
    expect((error as InvalidQemuSpecError).issues.map((i) => i.path)).toEqual([
      'spec.arch',
      'spec.cpus',
      'spec.disk.path',
    ]);
  });
});

describe('portForwardsOf and userNetworkArgs', () => {
  const spec = resolveVmSpec({
    arch: 'amd64',
    disk: { path: 'd' },
    network: { ssh: 2222, rdp: 3390, forwards: [{ hostPort: 8080, guestPort: 80 }] },
  });

  test('SSH, RDP, then the extra forwards, all on 127.0.0.1 unless given', () => {
    expect(portForwardsOf(spec).map((f) => `${f.hostAddress}:${f.hostPort}->${f.guestPort}`)).toEqual([
      '127.0.0.1:2222->22',
      '127.0.0.1:3390->3389',
      '127.0.0.1:8080->80',
    ]);
  });

  test('are exactly the network arguments of the QEMU argv', () => {
    const argv = buildQemuArgs(spec, host).args;
    const at = argv.indexOf('-netdev');
    expect(argv.slice(at, at + 4)).toEqual(userNetworkArgs(spec));
  });
});
