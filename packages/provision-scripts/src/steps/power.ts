import * as z from 'zod';
import { windowsUserNameSchema } from '../common-schemas';
import { type PowerShellCode, ps } from '../powershell-code';
import type { RenderedStep } from './rendered-step';

/** Options of the `power` step: power settings and housekeeping. */
export const powerStepSchema = z
  .object({
    /** Turn hibernation off (`powercfg /hibernate off`), freeing hiberfil.sys. */
    disableHibernation: z.boolean().default(true),
    /** Never sleep and never turn the display off, on AC and battery. */
    neverSleep: z.boolean().default(true),
    /** Move every network connection in the Public category to Private. */
    privateNetwork: z.boolean().default(true),
    /** Local accounts whose password never expires (the accounts the answer file created). */
    passwordNeverExpires: z.array(windowsUserNameSchema).default([]),
    /** Allow Remote Desktop connections and open the Remote Desktop firewall rules. */
    enableRdp: z.boolean().default(false),
    /** For throwaway test VMs: turn automatic Windows Update off by policy. */
    pauseWindowsUpdate: z.boolean().default(false),
    /** For throwaway test VMs: no scheduled or catch-up Defender scans. */
    pauseDefenderScans: z.boolean().default(false),
  })
  .strict();

/** The input of the `power` step. */
export type PowerStepOptions = z.input<typeof powerStepSchema>;

type Power = z.output<typeof powerStepSchema>;

const parts: ReadonlyArray<[keyof Power, (options: Power) => PowerShellCode]> = [
  [
    'disableHibernation',
    () => ps`if ((Get-WinguestRegistryValue -Path 'HKLM:\SYSTEM\CurrentControlSet\Control\Power' -Name 'HibernateEnabled') -ne 0) {
    $null = Invoke-WinguestNative -FilePath 'powercfg.exe' -ArgumentList @('/hibernate', 'off')
    Add-WinguestChange -Message 'hibernation off'
}`,
  ],
  [
    'neverSleep',
    () => ps`Set-WinguestPowerTimeout -Subgroup 'SUB_SLEEP' -Setting 'STANDBYIDLE' -Change 'standby-timeout'
Set-WinguestPowerTimeout -Subgroup 'SUB_VIDEO' -Setting 'VIDEOIDLE' -Change 'monitor-timeout'`,
  ],
  [
    'privateNetwork',
    () => ps`foreach ($connection in @(Get-NetConnectionProfile | Where-Object { [string]$_.NetworkCategory -eq 'Public' })) {
    Set-NetConnectionProfile -InterfaceIndex $connection.InterfaceIndex -NetworkCategory Private
    Add-WinguestChange -Message ('network ' + $connection.Name + ' is private')
}`,
  ],
  [
    'passwordNeverExpires',
    (options) => ps`foreach ($name in ${options.passwordNeverExpires}) {
    if ($null -ne (Get-LocalUser -Name $name).PasswordExpires) {
        Set-LocalUser -Name $name -PasswordNeverExpires $true
        Add-WinguestChange -Message ('password of ' + $name + ' never expires')
    }
}`,
  ],
  [
    'enableRdp',
    () => ps`Set-WinguestRegistryValue -Path 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server' -Name 'fDenyTSConnections' -Type DWord -Value 0
$rdpRules = @(Get-NetFirewallRule -Group '@FirewallAPI.dll,-28752' | Where-Object { [string]$_.Enabled -ne 'True' })
if ($rdpRules.Count -gt 0) {
    $rdpRules | Enable-NetFirewallRule
    Add-WinguestChange -Message 'Remote Desktop firewall rules enabled'
}`,
  ],
  [
    'pauseWindowsUpdate',
    () =>
      ps`Set-WinguestRegistryValue -Path 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate\AU' -Name 'NoAutoUpdate' -Type DWord -Value 1`,
  ],
  [
    'pauseDefenderScans',
    () => ps`if ($null -ne (Get-Command -Name 'Set-MpPreference' -ErrorAction SilentlyContinue)) {
    $preference = Get-MpPreference
    if ([int]$preference.ScanScheduleDay -ne 8 -or -not $preference.DisableCatchupFullScan -or -not $preference.DisableCatchupQuickScan) {
        Set-MpPreference -ScanScheduleDay 8 -DisableCatchupFullScan $true -DisableCatchupQuickScan $true
        Add-WinguestChange -Message 'Defender scheduled and catch-up scans off'
    }
}`,
  ],
];

/** Renders the `power` step. */
export function renderPowerStep(options: Power): RenderedStep {
  const enabled = parts.filter(([key]) => {
    const value = options[key];
    return Array.isArray(value) ? value.length > 0 : value === true;
  });
  const body = enabled.length > 0 ? ps`${enabled.map(([, render]) => render(options))}` : ps`$null = 0`;
  return { name: 'power', helpers: options.neverSleep ? powerHelpers() : undefined, body };
}

function powerHelpers() {
  return ps`function Set-WinguestPowerTimeout {
    param(
        [string]$Subgroup,
        [string]$Setting,
        [string]$Change
    )
    $query = Invoke-WinguestNative -FilePath 'powercfg.exe' -ArgumentList @('/query', 'SCHEME_CURRENT', $Subgroup, $Setting)
    $values = @([regex]::Matches($query, '0x[0-9a-fA-F]{8}') | ForEach-Object { $_.Value })
    if ($values.Count -ge 2 -and $values[-1] -eq '0x00000000' -and $values[-2] -eq '0x00000000') { return }
    $null = Invoke-WinguestNative -FilePath 'powercfg.exe' -ArgumentList @('/change', ($Change + '-ac'), '0')
    $null = Invoke-WinguestNative -FilePath 'powercfg.exe' -ArgumentList @('/change', ($Change + '-dc'), '0')
    Add-WinguestChange -Message ($Change + ' never')
}`;
}
