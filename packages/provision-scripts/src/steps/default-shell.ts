import * as z from 'zod';
import { type PowerShellCode, ps } from '../powershell-code';
import type { RenderedStep } from './rendered-step';

/** Options of the `default-shell` step. */
export const defaultShellStepSchema = z
  .object({
    /** The shell sshd starts for sessions and commands: Windows PowerShell, PowerShell 7, or cmd. */
    shell: z.enum(['powershell', 'pwsh', 'cmd']),
  })
  .strict();

/** The input of the `default-shell` step. */
export type DefaultShellStepOptions = z.input<typeof defaultShellStepSchema>;

const shellPath: Record<z.output<typeof defaultShellStepSchema>['shell'], PowerShellCode> = {
  powershell: ps`$shell = Join-Path -Path $env:SystemRoot -ChildPath 'System32\WindowsPowerShell\v1.0\powershell.exe'`,
  cmd: ps`$shell = Join-Path -Path $env:SystemRoot -ChildPath 'System32\cmd.exe'`,
  pwsh: ps`$shell = Join-Path -Path $env:ProgramFiles -ChildPath 'PowerShell\7\pwsh.exe'
$found = Get-Command -Name 'pwsh.exe' -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
if ($null -ne $found) { $shell = $found.Source }`,
};

/** Renders the `default-shell` step. */
export function renderDefaultShellStep(options: z.output<typeof defaultShellStepSchema>): RenderedStep {
  const body = ps`${shellPath[options.shell]}
if (-not (Test-Path -LiteralPath $shell -PathType Leaf)) { throw ('The shell ' + $shell + ' is not installed; install it in an earlier user step or choose another shell') }
Set-WinguestRegistryValue -Path 'HKLM:\SOFTWARE\OpenSSH' -Name 'DefaultShell' -Type String -Value $shell`;
  return { name: 'default-shell', body };
}
