import { quotePowerShell } from '@winguest/shell';
import { argvLines } from './_argv-lines';
import type { ScriptPlan } from './posix-command-file';

/**
 * `qemu.ps1` (PowerShell 7): the same steps as `qemu.sh` — ISO parameter with the built-in one as
 * default, extra arguments passed to QEMU, disk and vars prepared, swtpm started with an absolute
 * state path and stopped when QEMU exits. Every value goes through one quoting function.
 */
export function powershellCommandFile(plan: ScriptPlan): string {
  const q = (text: string) => quotePowerShell(text);
  const isoParam = plan.windowsIso
    ? `[string]$WindowsIso = ${q(plan.windowsIso)}`
    : '[Parameter(Mandatory = $true)][string]$WindowsIso';
  const lines = [
    '# Boots Windows Setup with the media `winguest build` wrote into this folder.',
    '# Usage: .\\qemu.ps1 [path\\to\\windows.iso] [more QEMU arguments, e.g. -S]   (progress: serial.log)',
    `param(${isoParam}, [Parameter(ValueFromRemainingArguments = $true)][string[]]$Rest = @())`,
    "$ErrorActionPreference = 'Stop'",
    '$WindowsIso = [System.IO.Path]::GetFullPath($WindowsIso, (Get-Location).Path)',
    'Set-Location -LiteralPath $PSScriptRoot',
    "$Iso = $WindowsIso.Replace(',', ',,') # QEMU option values double their commas",
    `if (-not (Test-Path -LiteralPath ${q(plan.disk.path)})) { & qemu-img create -q -f ${q(plan.disk.format)} ${q(plan.disk.path)} ${q(`${plan.disk.sizeGiB}G`)} }`,
  ];
  if (plan.vars) {
    const { path, template, format } = plan.vars;
    const make =
      format === 'qcow2'
        ? `& qemu-img convert -q -f raw -O qcow2 ${q(template)} ${q(path)}`
        : `Copy-Item -LiteralPath ${q(template)} -Destination ${q(path)}`;
    lines.push(`if (-not (Test-Path -LiteralPath ${q(path)})) { ${make} }`);
  }
  const command = argvLines(
    plan.argv,
    (text) => quotePowerShell(text, { bare: true }),
    '$Iso',
    (pieces) => (pieces.length === 1 ? (pieces[0] ?? '') : `(${pieces.join(' + ')})`),
  );
  const run = `& ${command.join(' `\n  ')} @Rest`;
  if (!plan.tpm) {
    lines.push(run, 'exit $LASTEXITCODE', '');
    return lines.join('\n');
  }
  lines.push(
    `$TpmState = Join-Path -Path $PSScriptRoot -ChildPath ${q(plan.tpm.stateDir)}`,
    '$null = New-Item -ItemType Directory -Force -Path $TpmState',
    `Remove-Item -LiteralPath ${q(plan.tpm.socket)} -ErrorAction SilentlyContinue`,
    '$env:TPM_PATH = $TpmState # swtpm cannot read commas in its option values',
    `$Swtpm = Start-Process -FilePath swtpm -ArgumentList @('socket', '--tpm2', '--ctrl', ${q(`type=unixio,path=${plan.tpm.socket}`)}, '--terminate') -NoNewWindow -PassThru`,
    `for ($i = 0; -not (Test-Path -LiteralPath ${q(plan.tpm.socket)}); $i++) {`,
    "  if ($i -gt 100 -or $Swtpm.HasExited) { throw 'qemu.ps1: swtpm did not start' }",
    '  Start-Sleep -Milliseconds 100',
    '}',
    'try {',
    `  ${run.replaceAll('\n', '\n  ')}`,
    '} finally {',
    '  if (-not $Swtpm.HasExited) { Stop-Process -Id $Swtpm.Id -ErrorAction SilentlyContinue }',
    '}',
    'exit $LASTEXITCODE',
    '',
  );
  return lines.join('\n');
}
