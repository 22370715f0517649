import { quotePosix } from '@winguest/shell';
import { argvLines } from './_argv-lines';
import { posixDaemonLines, type ScriptDaemon } from './_posix-daemons';

/** What the POSIX script prepares and runs. Paths are relative to the script's folder. */
export interface ScriptPlan {
  argv: string[];
  /** The built-in Windows ISO, if any (else the script requires one). */
  windowsIso: string | undefined;
  disk: { path: string; format: string; sizeGiB: number };
  /** The vars copy: `raw` is copied from the template, `qcow2` converted from it by qemu-img. */
  vars: { path: string; template: string; format: 'raw' | 'qcow2' } | undefined;
  tpm: { stateDir: string; socket: string } | undefined;
  /** virtiofsd, one per share, started before QEMU (`qemu.sh` only: vhost-user is Linux-only). */
  virtiofsd: ScriptDaemon[];
}

/**
 * `qemu.sh`: takes the Windows ISO as its first argument (the built-in one when absent or empty)
 * and passes further arguments to QEMU; creates the disk and the UEFI vars copy when missing;
 * runs swtpm (state in an absolute path) and one virtiofsd per share for as long as QEMU runs. Every value goes through one
 * quoting function, so paths with spaces, commas or quotes survive.
 */
export function posixCommandFile(plan: ScriptPlan): string {
  const q = (text: string) => quotePosix(text);
  const isoDefault = plan.windowsIso
    ? `\${1:-${q(plan.windowsIso)}}`
    : `\${1:?usage: ./qemu.sh path/to/windows.iso [more QEMU arguments]}`;
  const lines = [
    '#!/bin/sh',
    '# Boots Windows Setup with the media `winguest build` wrote into this folder.',
    "# Usage: ./qemu.sh [path/to/windows.iso] [more QEMU arguments, e.g. -S]  ('' = the built-in ISO)",
    '# The guest reports progress in serial.log; QMP listens on qmp.sock.',
    'set -eu',
    `windows_iso=${isoDefault}`,
    'if [ $# -gt 0 ]; then shift; fi',
    'case $windows_iso in /*) ;; *) windows_iso="$PWD/$windows_iso" ;; esac',
    'cd "$(dirname "$0")"',
    'here=$(pwd)',
    `iso=$(printf '%s\\n' "$windows_iso" | sed 's/,/,,/g') # QEMU option values double their commas`,
    `[ -f ${q(plan.disk.path)} ] || qemu-img create -q -f ${q(plan.disk.format)} ${q(plan.disk.path)} ${plan.disk.sizeGiB}G`,
  ];
  if (plan.vars) {
    const { path, template, format } = plan.vars;
    const make =
      format === 'qcow2'
        ? `qemu-img convert -q -f raw -O qcow2 ${q(template)} ${q(path)}`
        : `cp ${q(template)} ${q(path)}`;
    lines.push(`[ -f ${q(path)} ] || ${make}`);
  }
  const daemons = [...(plan.tpm ? [swtpmDaemon(plan.tpm)] : []), ...plan.virtiofsd];
  if (plan.tpm) {
    lines.push(`mkdir -p ${q(plan.tpm.stateDir)}`);
    lines.push('# swtpm cannot read commas in its option values: the state path goes through TPM_PATH.');
  }
  lines.push(...posixDaemonLines(daemons));
  const command = argvLines(plan.argv, q, '"$iso"', (pieces) => pieces.join(''));
  // With daemons the shell stays to stop them afterwards; without, QEMU replaces the shell.
  lines.push(`${daemons.length > 0 ? '' : 'exec '}${command.join(' \\\n  ')} "$@"`, '');
  return lines.join('\n');
}

function swtpmDaemon(tpm: { stateDir: string; socket: string }): ScriptDaemon {
  const q = (text: string) => quotePosix(text);
  return {
    name: 'swtpm',
    socket: tpm.socket,
    command: {
      shell: `TPM_PATH="$here"/${q(tpm.stateDir)} swtpm socket --tpm2 --ctrl type=unixio,path=${q(tpm.socket)} --terminate`,
    },
  };
}
