import {
  type CommandFile,
  type CommandFileInput,
  type CommandFileShell,
  renderCommandFile,
  type VmSpecInput,
} from '@winguest/qemu-args';
import type { Virtiofsd } from '@winguest/qemu-args/probe';
import type { ShareMode } from './check-shares';
import { guestDevices, qemuDiskInterface } from './devices';
import type { Guest } from './guest-schema';
import type { HostPlan } from './plan-host';
import { resolveShares } from './shares-schema';

/** Files of a build folder, relative to it (the command file changes into it first). */
export const buildFolderFiles = {
  disk: 'disk.qcow2',
  vars: 'vars.qcow2',
  cidata: 'cidata.iso',
  qmp: 'qmp.sock',
  serial: 'serial.log',
  pid: 'qemu.pid',
  tpmDir: 'tpm',
  tpmSocket: 'tpm.sock',
  guestAgent: 'qga.sock',
} as const;

/** virtiofsd's socket for the `index`-th share in a build folder. */
export function buildFolderShareSocket(index: number): string {
  return `virtiofs-${index}.sock`;
}

/** How a build folder's command file shares folders: the host's mode, its virtiofsd, absolute share paths. */
export interface BuildFolderShares {
  mode: ShareMode;
  /** The probed virtiofsd (with `mode: 'virtio-fs'`). */
  virtiofsd?: Pick<Virtiofsd, 'path' | 'flavour' | 'readOnlyOption'>;
  /** `shares[].hostPath` made absolute (the command file changes into its folder). */
  hostPaths: readonly string[];
}

/** Host port for SSH in a build folder's command file when the description sets none. */
export const defaultBuildSshPort = 2222;

/** The QEMU side of a guest, independent of where its files live: what `qemu-args` calls a VM spec. */
export function planVmSpec(
  guest: Guest,
  arch: 'amd64' | 'arm64',
  files: { disk: string; windowsIso?: string; cidata?: string },
): VmSpecInput {
  const devices = guestDevices(guest, arch);
  return {
    name: guest.computerName === '*' ? 'winguest' : guest.computerName,
    arch,
    cpus: guest.vm.cpus,
    memoryMiB: guest.vm.memoryMiB,
    firmware: guest.firmware,
    secureBoot: guest.vm.secureBoot,
    tpm: guest.vm.tpm,
    disk: { path: files.disk, interface: qemuDiskInterface(devices.diskBus) },
    media: { windows: files.windowsIso, cidata: files.cidata },
    network: {
      model: devices.networkModel,
      ssh: guest.vm.sshPort ?? defaultBuildSshPort,
      rdp: guest.vm.rdpPort,
      forwards: [],
    },
    display: { type: guest.vm.display },
    guestAgent: devices.guestAgent,
  };
}

/**
 * The command file (`qemu.sh` / `qemu.ps1`) of a build folder: it creates the disk and vars,
 * runs swtpm when the guest has a TPM, and boots Setup from the ISO given as its first argument
 * (`windowsIso` as default). Drivers from `media.drivers` are on the cidata ISO, not a CD of
 * their own. Shares follow `shares.mode`, the same mode the cidata media were planned for:
 * `virtio-fs` runs one virtiofsd per share (`qemu.sh` only; `qemu.ps1` gets none and a warning),
 * `smb` serves the first share with QEMU's `smb=`. Pure.
 */
export function planCommandFile(
  guest: Guest,
  input: {
    arch: 'amd64' | 'arm64';
    host: HostPlan;
    shell: CommandFileShell;
    windowsIso?: string;
    shares?: BuildFolderShares;
  },
): CommandFile {
  const f = buildFolderFiles;
  const uefi = guest.firmware === 'uefi';
  const spec = planVmSpec(guest, input.arch, {
    disk: f.disk,
    windowsIso: input.windowsIso,
    cidata: f.cidata,
  });
  const shares = commandFileShares(guest, input.shares, input.shell);
  const file = renderCommandFile({
    shell: input.shell,
    spec: {
      ...spec,
      ...(shares.smb ? { network: { ...spec.network, smb: shares.smb } } : {}),
      shares: shares.virtiofsd?.shares.map(({ tag }) => ({ tag })) ?? [],
    },
    host: {
      virtiofsSockets: Object.fromEntries(shares.virtiofsd?.shares.map((s) => [s.tag, s.socket]) ?? []),
      binary: input.host.binary,
      accelerator: input.host.accelerator,
      ...(uefi && input.host.firmware
        ? { firmware: input.host.firmware, varsPath: f.vars, varsFormat: 'qcow2' as const }
        : {}),
      qmp: { path: f.qmp },
      serialLog: f.serial,
      pidFile: f.pid,
      ...(guest.vm.tpm ? { tpmSocket: f.tpmSocket } : {}),
      ...(guestDevices(guest, input.arch).guestAgent ? { guestAgentSocket: f.guestAgent } : {}),
    },
    diskSizeGiB: guest.vm.disk.sizeGiB,
    tpmStateDir: f.tpmDir,
    ...(shares.virtiofsd ? { virtiofsd: shares.virtiofsd } : {}),
  });
  return shares.warning ? { ...file, warnings: [...file.warnings, shares.warning] } : file;
}

function commandFileShares(
  guest: Guest,
  shares: BuildFolderShares | undefined,
  shell: CommandFileShell,
): { smb?: string; virtiofsd?: CommandFileInput['virtiofsd']; warning?: string } {
  const resolved = resolveShares(guest.shares).map((share, i) => ({
    ...share,
    hostPath: shares?.hostPaths[i] ?? share.hostPath,
  }));
  if (resolved.length === 0 || !shares || shares.mode === 'none') return {};
  if (shares.mode === 'smb') return { smb: resolved[0]?.hostPath };
  if (shell !== 'posix' || !shares.virtiofsd)
    return { warning: 'shares: qemu.ps1 cannot run virtiofsd (vhost-user is Linux-only); use winguest up' };
  return {
    virtiofsd: {
      daemon: shares.virtiofsd,
      shares: resolved.map((share, i) => ({
        tag: share.tag,
        socket: buildFolderShareSocket(i),
        dir: share.hostPath,
        readOnly: share.readOnly,
      })),
    },
  };
}
