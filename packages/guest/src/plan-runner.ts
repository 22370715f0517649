import type { UpOptionsInput } from '@winguest/vm';
import { guestDevices, qemuDiskInterface } from './devices';
import type { Guest } from './guest-schema';
import { resolveShares } from './shares-schema';

/** What the runner needs besides the description; host paths are absolute. */
export interface RunnerFacts {
  /** Instance name. */
  name: string;
  /** Guest architecture (see `guestArch`). */
  arch: 'amd64' | 'arm64';
  /** The Windows ISO, when installing from one. */
  windowsIso?: string;
  /** `vm.kernel`, `vm.bootIso` and share paths resolved against the config's folder. */
  paths?: { kernel?: string; initrd?: string; bootIso?: string; shares?: string[] };
  /** How this host shares folders (`chooseShareMode` of @winguest/qemu-args/probe). Default `virtio-fs`. */
  shareMode?: 'virtio-fs' | 'smb' | 'none';
}

/**
 * The options of `@winguest/vm`'s `up` for `guest`: what to boot, how big, which devices, which
 * ports, who logs in. Drivers from `media.drivers` travel on the cidata media (`planMedia`), so no
 * driver CD is attached. Pure.
 */
export function planRunner(guest: Guest, facts: RunnerFacts): UpOptionsInput {
  const { vm } = guest;
  const paths = facts.paths ?? {};
  const devices = guestDevices(guest, facts.arch);
  return {
    name: facts.name,
    arch: facts.arch,
    // A Linux test guest (direct kernel boot or its own boot media) brings its own drivers.
    os: vm.kernel || vm.bootIso ? 'linux' : 'windows',
    cpus: vm.cpus,
    memoryMiB: vm.memoryMiB,
    firmware: guest.firmware,
    secureBoot: vm.secureBoot,
    tpm: vm.tpm,
    disk: { size: `${vm.disk.sizeGiB}G`, interface: qemuDiskInterface(devices.diskBus) },
    nic: devices.networkModel,
    guestAgent: devices.guestAgent,
    display: { type: vm.display },
    accelerator: vm.accelerator,
    media: {
      ...(facts.windowsIso
        ? { windows: facts.windowsIso }
        : vm.bootIso
          ? { windows: paths.bootIso ?? vm.bootIso }
          : {}),
    },
    ...(vm.kernel
      ? {
          kernel: {
            kernel: paths.kernel ?? vm.kernel.kernel,
            ...((paths.initrd ?? vm.kernel.initrd) ? { initrd: paths.initrd ?? vm.kernel.initrd } : {}),
            append: vm.kernel.append,
          },
        }
      : {}),
    ...runnerShares(guest, facts),
    ports: { ...(vm.sshPort ? { ssh: vm.sshPort } : {}), ...(vm.rdpPort ? { rdp: vm.rdpPort } : {}) },
    ssh: { user: guest.user.name },
    ...(vm.timeoutMinutes
      ? {
          timeouts: Object.fromEntries(
            Object.entries(vm.timeoutMinutes).map(([stage, minutes]) => [
              stage,
              Math.round(minutes * 60_000),
            ]),
          ),
        }
      : {}),
  };
}

/** virtio-fs: every share (virtiofsd each); SMB: QEMU serves the first share only; none: nothing. */
function runnerShares(guest: Guest, facts: RunnerFacts): Pick<UpOptionsInput, 'shares' | 'smbShare'> {
  const shares = resolveShares(guest.shares).map((share, i) => ({
    ...share,
    hostPath: facts.paths?.shares?.[i] ?? share.hostPath,
  }));
  if (shares.length === 0 || facts.shareMode === 'none') return {};
  if (facts.shareMode === 'smb') return { smbShare: shares[0]?.hostPath };
  return { shares: shares.map(({ hostPath, tag, readOnly }) => ({ hostPath, tag, readOnly })) };
}
