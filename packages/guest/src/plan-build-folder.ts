import {
  type CommandFile,
  type CommandFileShell,
  renderCommandFile,
  type VmSpecInput,
} from '@winguest/qemu-args';
import { guestDevices, qemuDiskInterface } from './devices';
import type { Guest } from './guest-schema';
import type { HostPlan } from './plan-host';

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
 * their own. Pure.
 */
export function planCommandFile(
  guest: Guest,
  input: {
    arch: 'amd64' | 'arm64';
    host: HostPlan;
    shell: CommandFileShell;
    windowsIso?: string;
  },
): CommandFile {
  const f = buildFolderFiles;
  const uefi = guest.firmware === 'uefi';
  return renderCommandFile({
    shell: input.shell,
    spec: planVmSpec(guest, input.arch, {
      disk: f.disk,
      windowsIso: input.windowsIso,
      cidata: f.cidata,
    }),
    host: {
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
  });
}
