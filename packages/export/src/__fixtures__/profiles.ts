import type { VmSpecInput } from '@winguest/qemu-args';

/** One export profile: a VM spec the way the guest planner writes it. */
export interface Profile {
  id: string;
  spec: VmSpecInput;
}

type Disk = NonNullable<VmSpecInput['disk']['interface']>;
type Nic = 'e1000e' | 'virtio-net';

const arches = ['amd64', 'arm64'] as const;
/** Windows on arm64 has no in-box NIC driver: only virtio-net (NetKVM) there. */
const nics = (arch: 'amd64' | 'arm64'): Nic[] =>
  arch === 'amd64' ? ['e1000e', 'virtio-net'] : ['virtio-net'];

/**
 * Every profile: amd64/arm64 × UEFI (Secure Boot on amd64) / BIOS (amd64 only) × TPM or not ×
 * each disk controller the architecture has × each NIC model, with install media, a guest agent
 * on every other one and SSH + RDP forwards.
 */
export function profiles(disks: (arch: 'amd64' | 'arm64') => Disk[]): Profile[] {
  const out: Profile[] = [];
  for (const arch of arches) {
    const firmwares = arch === 'amd64' ? (['uefi', 'bios'] as const) : (['uefi'] as const);
    for (const firmware of firmwares)
      for (const tpm of [true, false])
        for (const disk of disks(arch))
          for (const nic of nics(arch)) {
            const id = `${arch} ${firmware} ${tpm ? 'tpm' : 'no-tpm'} ${disk} ${nic}`;
            out.push({
              id,
              spec: {
                name: 'win11',
                arch,
                firmware,
                secureBoot: firmware === 'uefi' && arch === 'amd64',
                tpm,
                guestAgent: out.length % 2 === 0,
                disk: { path: '/srv/vms/win11/disk.qcow2', interface: disk },
                media: {
                  windows: '/srv/iso/Win11.iso',
                  cidata: '/srv/vms/win11/cidata.iso',
                  drivers:
                    nic === 'virtio-net' || disk.startsWith('virtio') ? '/srv/iso/virtio-win.iso' : undefined,
                },
                network: { model: nic, ssh: 2222, rdp: 3390, mac: '52:54:00:12:34:56' },
              },
            });
          }
  }
  return out;
}
