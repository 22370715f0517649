import { buildQemuArgs, diskId, type QemuCommand, type VmSpecInput } from '@winguest/qemu-args';
import type { VmHost } from './host-probe';
import type { InstancePaths } from './instance-paths';
import type { BootMode } from './progress-tracker';
import type { InstanceConfig } from './up-options';
import { varsFile } from './vars-store';
import { virtiofsSockets } from './virtiofsd';

/**
 * The QEMU command for one boot of an instance. While installing, the Windows and cidata media
 * are attached; an installed instance boots without them (only a driver ISO stays). Pure.
 */
export function instanceQemuCommand(
  config: InstanceConfig,
  host: VmHost,
  paths: InstancePaths,
  mode: BootMode,
): QemuCommand {
  const install = mode === 'install';
  const spec: VmSpecInput = {
    name: config.name,
    arch: config.arch,
    cpus: config.cpus,
    memoryMiB: config.memoryMiB,
    firmware: config.firmware,
    secureBoot: config.secureBoot,
    tpm: config.tpm,
    disk: { path: paths.disk, format: 'qcow2', interface: config.disk.interface },
    media: {
      windows: install ? config.media.windows : undefined,
      cidata: install ? paths.cidata : undefined,
      drivers: config.media.drivers,
    },
    network: {
      model: config.nic,
      ssh: config.ports.ssh,
      rdp: config.ports.rdp,
      forwards: [],
      smb: config.smbShare,
    },
    shares: (config.shares ?? []).map(({ tag }) => ({ tag })),
    display: config.display,
    guestAgent: config.guestAgent,
    extraArgs: [...kernelArgs(config.kernel), ...config.extraArgs],
  };
  const vars = varsFile(paths);
  const command = buildQemuArgs(spec, {
    binary: host.qemu,
    accelerator: host.accelerator,
    firmware: config.firmware === 'uefi' ? host.firmware : undefined,
    ...(config.firmware === 'uefi' ? { varsPath: vars.path, varsFormat: vars.format } : {}),
    qmp: { path: paths.qmpSocket },
    serialLog: paths.serialLog,
    pidFile: paths.qemuPid,
    tpmSocket: config.tpm ? paths.tpmSocket : undefined,
    guestAgentSocket: config.guestAgent ? paths.qgaSocket : undefined,
    virtiofsSockets: virtiofsSockets(paths, config.shares ?? []),
  });
  return config.kernel ? { ...command, args: command.args.map(withoutDiskBootIndex) } : command;
}

/** With `-kernel`, QEMU gives boot index 0 to the kernel loader, so the disk must not claim it. */
function withoutDiskBootIndex(arg: string): string {
  return arg.includes(`drive=${diskId},`) ? arg.replace(/,bootindex=0(?=,|$)/, '') : arg;
}

function kernelArgs(kernel: InstanceConfig['kernel']): string[] {
  if (!kernel) return [];
  return [
    '-kernel',
    kernel.kernel,
    ...(kernel.initrd ? ['-initrd', kernel.initrd] : []),
    ...(kernel.append ? ['-append', kernel.append] : []),
  ];
}
