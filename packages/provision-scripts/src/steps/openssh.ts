import * as z from 'zod';
import { mediaFileSchema } from '../common-schemas';
import { ps } from '../powershell-code';
import type { RenderedStep } from './rendered-step';

/** Options of the `openssh` step. */
export const opensshStepSchema = z
  .object({
    /**
     * How sshd gets onto the guest. `builtin`: it is preinstalled (Server 2025), only enable it.
     * `msi`: install the Win32-OpenSSH MSI from the media (verified by SHA-256; no network needed).
     * `capability`: Add-WindowsCapability (downloads from Windows Update; slow, fails offline).
     * `auto`: builtin when sshd exists, else the MSI when given and present, else the capability.
     */
    strategy: z.enum(['auto', 'builtin', 'msi', 'capability']).default('auto'),
    /** TCP port sshd listens on; the firewall rule `OpenSSH-Server-In-TCP` opens it. */
    port: z.int().min(1).max(65535).default(22),
    /** The Win32-OpenSSH MSI on the media; required for `msi`, optional for `auto`. */
    msi: mediaFileSchema.optional(),
  })
  .strict()
  .refine((options) => options.strategy !== 'msi' || options.msi !== undefined, {
    error: 'strategy "msi" needs msi: { path, sha256 } naming the Win32-OpenSSH MSI on the media',
    path: ['msi'],
  });

/** The input of the `openssh` step (defaults optional). */
export type OpensshStepOptions = z.input<typeof opensshStepSchema>;

/** The Windows capability that carries the OpenSSH server. */
export const opensshCapabilityName = 'OpenSSH.Server~~~~0.0.1.0';

/** Renders the `openssh` step. */
export function renderOpensshStep(options: z.output<typeof opensshStepSchema>): RenderedStep {
  const msi = options.msi ? ps`Get-WinguestMediaPath -RelativePath ${options.msi.path}` : ps`$null`;
  const body = ps`$strategy = ${options.strategy}
$msi = ${msi}
if ($null -eq (Get-Service -Name 'sshd' -ErrorAction SilentlyContinue)) {
    if ($strategy -eq 'builtin') { throw 'sshd is not preinstalled on this Windows; choose the msi or capability strategy' }
    if ($strategy -eq 'msi' -or ($strategy -eq 'auto' -and $null -ne $msi -and (Test-Path -LiteralPath $msi -PathType Leaf))) {
        Install-WinguestMsi -Path $msi -ExpectedHash ${options.msi?.sha256 ?? ''}
    } else {
        $capability = Get-WindowsCapability -Online -Name ${opensshCapabilityName}
        if ([string]$capability.State -ne 'Installed') {
            $null = Add-WindowsCapability -Online -Name ${opensshCapabilityName}
            Add-WinguestChange -Message ('added capability ' + ${opensshCapabilityName})
        }
    }
    if ($null -eq (Get-Service -Name 'sshd' -ErrorAction SilentlyContinue)) { throw 'sshd is still missing after installing OpenSSH' }
}
Set-WinguestServiceRunning -Name 'sshd' -Hint 'See the OpenSSH event log.'
Set-WinguestSshdPort -Port ${options.port}
Set-WinguestSshFirewallRule -Port ${options.port}`;
  return { name: 'openssh', helpers: opensshHelpers(), body };
}

function opensshHelpers() {
  return ps`function Set-WinguestSshdPort {
    param(
        [int]$Port
    )
    $config = Join-Path -Path $env:ProgramData -ChildPath 'ssh\sshd_config'
    if (-not (Test-Path -LiteralPath $config -PathType Leaf)) { throw ('sshd did not create ' + $config) }
    $pattern = '^\s*Port\s+\d+\s*$'
    $lines = @([System.IO.File]::ReadAllLines($config))
    $active = @($lines | Where-Object { $_ -match $pattern })
    $wanted = 'Port ' + $Port
    if ($active.Count -eq 0 -and $Port -eq 22) { return }
    if ($active.Count -eq 1 -and $active[0].Trim() -eq $wanted) { return }
    $kept = @($lines | Where-Object { $_ -notmatch $pattern })
    [System.IO.File]::WriteAllLines($config, [string[]](@($wanted) + $kept), $script:WinguestUtf8)
    Restart-Service -Name 'sshd'
    Add-WinguestChange -Message ('sshd listens on port ' + $Port)
}

function Set-WinguestSshFirewallRule {
    param(
        [int]$Port
    )
    $name = 'OpenSSH-Server-In-TCP'
    $rule = Get-NetFirewallRule -Name $name -ErrorAction SilentlyContinue
    if ($null -eq $rule) {
        $null = New-NetFirewallRule -Name $name -DisplayName 'OpenSSH Server (sshd)' -Direction Inbound -Protocol TCP -LocalPort $Port -Action Allow -Profile Any -Enabled True
        Add-WinguestChange -Message ('firewall rule ' + $name + ' allows TCP ' + $Port)
        return
    }
    $filter = $rule | Get-NetFirewallPortFilter
    $same = ([string]$filter.LocalPort -eq [string]$Port) -and ([string]$rule.Enabled -eq 'True') -and ([string]$rule.Action -eq 'Allow') -and ([string]$rule.Profile -eq 'Any')
    if (-not $same) {
        Set-NetFirewallRule -Name $name -Protocol TCP -LocalPort $Port -Action Allow -Profile Any -Enabled True
        Add-WinguestChange -Message ('firewall rule ' + $name + ' allows TCP ' + $Port)
    }
}`;
}
