import {
  buildQemuArgs,
  type CommandShell,
  type FirmwareFiles,
  formatCommand,
  type VmSpecInput,
} from '@winguest/qemu-args';
import type { Config } from '../config/config-schema';

/** Files of a build folder, relative to it: the command file `cd`s there first. */
/** Host port for SSH in a build folder's command file when the config sets none. */
export const defaultBuildSshPort = 2222;

export const buildFiles = {
  disk: 'disk.qcow2',
  vars: 'vars.fd',
  cidata: 'cidata.iso',
  qmp: 'qmp.sock',
  serial: 'serial.log',
  pid: 'qemu.pid',
  tpmDir: 'tpm',
  tpmSocket: 'tpm.sock',
} as const;

const isoPlaceholder = '/__WINGUEST_WINDOWS_ISO__';

export interface QemuPlanInput {
  config: Config;
  arch: 'amd64' | 'arm64';
  /** Absolute path of the Windows ISO, when known; else the command file takes it as an argument. */
  windowsIso: string | undefined;
  binary: string;
  accelerator: 'kvm' | 'hvf' | 'whpx' | 'tcg';
  firmware: FirmwareFiles | undefined;
  shell: 'posix' | 'powershell';
}

export interface QemuPlan {
  /** The argv (the Windows ISO as given, or `<windows.iso>` when unknown). */
  argv: string[];
  warnings: string[];
  /** File name and text of the command file for the host shell. */
  file: { name: string; text: string };
}

/** The QEMU command for a build folder, and a command file that prepares disk/vars and runs it. */
export function planQemuCommand(input: QemuPlanInput): QemuPlan {
  const { config } = input;
  const uefi = config.firmware === 'uefi';
  const spec: VmSpecInput = {
    name: config.computerName === '*' ? 'winguest' : config.computerName,
    arch: input.arch,
    cpus: config.vm.cpus,
    memoryMiB: config.vm.memoryMiB,
    firmware: config.firmware,
    secureBoot: config.vm.secureBoot,
    tpm: config.vm.tpm,
    disk: { path: buildFiles.disk },
    media: {
      windows: input.windowsIso ?? isoPlaceholder,
      cidata: buildFiles.cidata,
      ...(config.media.drivers ? { drivers: config.media.drivers } : {}),
    },
    network: {
      ssh: config.vm.sshPort ?? defaultBuildSshPort,
      ...(config.vm.rdpPort ? { rdp: config.vm.rdpPort } : {}),
    },
    display: { type: config.vm.display },
  };
  const { binary, args, warnings } = buildQemuArgs(spec, {
    binary: input.binary,
    accelerator: input.accelerator,
    ...(uefi && input.firmware ? { firmware: input.firmware, varsPath: buildFiles.vars } : {}),
    qmp: { path: buildFiles.qmp },
    serialLog: buildFiles.serial,
    pidFile: buildFiles.pid,
    ...(config.vm.tpm ? { tpmSocket: buildFiles.tpmSocket } : {}),
  });
  const argv = [binary, ...args];
  const text =
    input.shell === 'posix'
      ? posixScript(argv, input, uefi ? input.firmware?.varsTemplate : undefined)
      : powershellScript(argv, input, uefi ? input.firmware?.varsTemplate : undefined);
  return {
    argv: argv.map((arg) => arg.replace(isoPlaceholder, '<windows.iso>')),
    warnings: warnings.map((w) => `${w.path}: ${w.message}`),
    file: { name: input.shell === 'posix' ? 'qemu.sh' : 'qemu.ps1', text },
  };
}

/** Formats argv for `shell`, with the ISO placeholder replaced by the script's ISO variable. */
function commandLine(argv: string[], shell: CommandShell, isoVariable: string): string {
  const formatted = argv.map((arg) => {
    if (!arg.includes(isoPlaceholder)) return formatCommand([arg], shell).replace(/^& /, '');
    const [before, after] = arg.split(isoPlaceholder) as [string, string];
    if (shell === 'posix') return `"${escapeDoubleSh(before)}\${iso}${escapeDoubleSh(after)}"`;
    return `("${escapeDoublePs(before)}" + ${isoVariable}.Replace(',', ',,') + "${escapeDoublePs(after)}")`;
  });
  // One line per option and its value.
  const lines: string[] = [];
  formatted.forEach((token, i) => {
    const pairsWithPrevious = i > 1 && argv[i - 1]?.startsWith('-') && !argv[i]?.startsWith('-');
    if (pairsWithPrevious) lines[lines.length - 1] += ` ${token}`;
    else lines.push(token);
  });
  return shell === 'posix' ? `${lines.join(' \\\n  ')} "$@"` : `& ${lines.join(' `\n  ')} @Rest`;
}

const escapeDoubleSh = (text: string) => text.replace(/[\\"$`]/g, '\\$&');
const escapeDoublePs = (text: string) => text.replace(/[`"$]/g, '`$&');

function posixScript(argv: string[], input: QemuPlanInput, varsTemplate: string | undefined): string {
  const sh = (value: string) => formatCommand([value], 'posix');
  const iso = input.windowsIso
    ? `WINDOWS_ISO=\${1:-${sh(input.windowsIso)}}`
    : `WINDOWS_ISO=\${1:?usage: ./qemu.sh path/to/windows.iso [more QEMU arguments]}`;
  const lines = [
    '#!/bin/sh',
    '# Boots Windows Setup with the media `winguest build` wrote into this folder.',
    "# Usage: ./qemu.sh [path/to/windows.iso] [more QEMU arguments, e.g. -S]  ('' = the built-in ISO)",
    '# The guest reports progress in serial.log; QMP listens on qmp.sock.',
    'set -eu',
    'cd "$(dirname "$0")"',
    iso,
    '[ $# -gt 0 ] && shift',
    `iso=$(printf '%s' "$WINDOWS_ISO" | sed 's/,/,,/g') # QEMU option values double their commas`,
    `[ -f ${buildFiles.disk} ] || qemu-img create -q -f qcow2 ${buildFiles.disk} ${input.config.vm.diskGiB}G`,
  ];
  if (varsTemplate) lines.push(`[ -f ${buildFiles.vars} ] || cp ${sh(varsTemplate)} ${buildFiles.vars}`);
  if (input.config.vm.tpm) {
    lines.push(
      `mkdir -p ${buildFiles.tpmDir}`,
      `swtpm socket --tpm2 --tpmstate dir=${buildFiles.tpmDir} --ctrl type=unixio,path=${buildFiles.tpmSocket} --terminate --daemon`,
    );
  }
  lines.push(`exec ${commandLine(argv, 'posix', '$iso')}`, '');
  return lines.join('\n');
}

function powershellScript(argv: string[], input: QemuPlanInput, varsTemplate: string | undefined): string {
  const ps = (value: string) => `'${value.replace(/['‘’‚‛]/g, '$&$&')}'`;
  const lines = [
    '# Boots Windows Setup with the media `winguest build` wrote into this folder.',
    '# Usage: .\\qemu.ps1 [-WindowsIso path\\to\\windows.iso]   (progress is written to serial.log)',
    input.windowsIso
      ? `param([string]$WindowsIso = ${ps(input.windowsIso)}, [Parameter(ValueFromRemainingArguments = $true)][string[]]$Rest)`
      : 'param([Parameter(Mandatory = $true)][string]$WindowsIso, [Parameter(ValueFromRemainingArguments = $true)][string[]]$Rest)',
    "$ErrorActionPreference = 'Stop'",
    'Set-Location -LiteralPath $PSScriptRoot',
    `if (-not (Test-Path -LiteralPath '${buildFiles.disk}')) { & qemu-img create -q -f qcow2 '${buildFiles.disk}' '${input.config.vm.diskGiB}G' }`,
  ];
  if (varsTemplate) {
    lines.push(
      `if (-not (Test-Path -LiteralPath '${buildFiles.vars}')) { Copy-Item -LiteralPath ${ps(varsTemplate)} -Destination '${buildFiles.vars}' }`,
    );
  }
  lines.push(commandLine(argv, 'powershell', '$WindowsIso'), '');
  return lines.join('\n');
}
