import { z } from 'zod';
import { bad, mediaFileSchema, mediaPathSchema } from '../common-schemas';
import { ps } from '../powershell-code';
import type { RenderedStep } from './rendered-step';

/** Options of the `shared-folders` step (one virtio-fs share, as virtiofs.exe serves one). */
export const sharedFoldersStepSchema = z
  .object({
    /** The WinFsp MSI on the media (virtiofs.exe is a WinFsp file system). */
    winfspMsi: mediaFileSchema,
    /** virtio-win's `virtiofs.exe` on the media; copied to `%ProgramFiles%\winguest\virtiofs.exe`. */
    virtiofsExe: mediaPathSchema,
    /** The virtio-fs driver's .inf on the media (`viofs/<os>/amd64/viofs.inf`), if Windows lacks it. */
    driverInf: mediaPathSchema.optional(),
    /** The drive letter the host directory appears as. */
    driveLetter: z
      .string()
      .regex(/^[D-Zd-z]$/, { error: bad('is not a drive letter from D to Z') })
      .transform((letter) => letter.toUpperCase())
      .default('Z'),
  })
  .strict();

/** The input of the `shared-folders` step. */
export type SharedFoldersStepOptions = z.input<typeof sharedFoldersStepSchema>;

/** Renders the `shared-folders` step. */
export function renderSharedFoldersStep(options: z.output<typeof sharedFoldersStepSchema>): RenderedStep {
  const driver = options.driverInf
    ? ps`Install-WinguestDriver -InfPath (Get-WinguestMediaPath -RelativePath ${options.driverInf})`
    : ps``;
  const body = ps`if ($null -eq (Get-Service -Name 'WinFsp.Launcher' -ErrorAction SilentlyContinue)) {
    Install-WinguestMsi -Path (Get-WinguestMediaPath -RelativePath ${options.winfspMsi.path}) -ExpectedHash ${options.winfspMsi.sha256}
}
${driver}
$exe = Join-Path -Path $env:ProgramFiles -ChildPath 'winguest\virtiofs.exe'
Copy-WinguestFile -Source (Get-WinguestMediaPath -RelativePath ${options.virtiofsExe}) -Destination $exe
$before = $WinguestChanges.Count
Set-WinguestRegistryValue -Path 'HKLM:\SOFTWARE\VirtIO-FS' -Name 'MountPoint' -Type String -Value ${`${options.driveLetter}:`}
$service = Get-Service -Name 'VirtioFsSvc' -ErrorAction SilentlyContinue
if ($null -eq $service) {
    $null = New-Service -Name 'VirtioFsSvc' -BinaryPathName ('"' + $exe + '"') -DisplayName 'Virtio FS Service' -StartupType Automatic -DependsOn @('WinFsp.Launcher', 'VirtioFsDrv')
    Add-WinguestChange -Message 'registered the VirtioFsSvc service'
} elseif ($WinguestChanges.Count -gt $before -and [string]$service.Status -eq 'Running') {
    Restart-Service -Name 'VirtioFsSvc'
}
Set-WinguestServiceRunning -Name 'VirtioFsSvc' -Hint 'Is a vhost-user-fs-pci device attached to the VM?'`;
  return { name: 'shared-folders', body };
}
