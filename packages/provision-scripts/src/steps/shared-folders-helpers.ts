import { type PowerShellCode, ps } from '../powershell-code';

/**
 * The functions of the `shared-folders` step. virtio-fs: virtiofs.exe is registered with
 * WinFsp.Launcher (what `fsreg.bat virtiofs <exe> "-t %1 -m %2"` writes) and each share runs as its
 * own launcher instance `viofs<letter>`; VirtioFsSvc, which serves one share, is kept manual. The
 * instances do not survive a restart, so a startup task starts them again. SMB: `net use`.
 */
export function sharedFoldersHelpers(): PowerShellCode {
  return ps`function Get-WinguestLaunchctl {
    $arch = if ($env:PROCESSOR_ARCHITECTURE -eq 'ARM64') { 'a64' } else { 'x64' }
    $path = Join-Path -Path ([Environment]::GetFolderPath('ProgramFilesX86')) -ChildPath ('WinFsp\bin\launchctl-' + $arch + '.exe')
    if (-not (Test-Path -LiteralPath $path -PathType Leaf)) { throw ('WinFsp launchctl not found at ' + $path + '; is WinFsp installed?') }
    return $path
}

function Register-WinguestVirtioFs {
    param(
        [string]$Executable
    )
    $key = 'HKLM:\SOFTWARE\WOW6432Node\WinFsp\Services\virtiofs'
    Set-WinguestRegistryValue -Path $key -Name 'Executable' -Type String -Value $Executable
    Set-WinguestRegistryValue -Path $key -Name 'CommandLine' -Type String -Value '-t %1 -m %2'
    Set-WinguestRegistryValue -Path $key -Name 'Security' -Type String -Value 'D:P(A;;RPWPLC;;;WD)'
    Set-WinguestRegistryValue -Path $key -Name 'JobControl' -Type DWord -Value 1
    $service = Get-Service -Name 'VirtioFsSvc' -ErrorAction SilentlyContinue
    if ($null -ne $service -and [string]$service.StartType -ne 'Manual') {
        if ([string]$service.Status -eq 'Running') { Stop-Service -Name 'VirtioFsSvc' -Force }
        Set-Service -Name 'VirtioFsSvc' -StartupType Manual
        Add-WinguestChange -Message 'VirtioFsSvc is manual: WinFsp.Launcher runs one virtiofs instance per share'
    }
}

function Mount-WinguestVirtioFs {
    param(
        [string]$Tag,
        [string]$DriveLetter,
        [switch]$ReadOnly
    )
    $launchctl = Get-WinguestLaunchctl
    $instance = 'viofs' + $DriveLetter
    $root = $DriveLetter + ':\'
    $access = if ($ReadOnly) { ' (read-only: the host refuses writes)' } else { '' }
    $null = & $launchctl info virtiofs $instance 2>&1
    $running = $LASTEXITCODE -eq 0
    if ($running -and (Test-Path -LiteralPath $root)) {
        Write-WinguestLog -Line ('# virtio-fs tag ' + $Tag + ' is mounted at ' + $DriveLetter + ':' + $access)
        return
    }
    if (Test-Path -LiteralPath $root) { throw ('Drive ' + $DriveLetter + ': is already taken by another volume; give the share "' + $Tag + '" another drive letter') }
    $output = & $launchctl start virtiofs $instance $Tag ($DriveLetter + ':') 2>&1
    for ($i = 0; $i -lt 60 -and -not (Test-Path -LiteralPath $root); $i++) { Start-Sleep -Milliseconds 500 }
    if (-not (Test-Path -LiteralPath $root)) {
        throw ('virtio-fs tag ' + $Tag + ' did not mount at ' + $DriveLetter + ': (' + (Format-WinguestMessage -Text ([string]$output)) + '). Is a vhost-user-fs-pci device with this tag attached to the VM?')
    }
    Add-WinguestChange -Message ('mounted virtio-fs tag ' + $Tag + ' at ' + $DriveLetter + ':' + $access)
}

function Register-WinguestShareTask {
    param(
        [string[]]$Tags,
        [string[]]$DriveLetters
    )
    $launchctl = Get-WinguestLaunchctl
    $name = 'winguest-shared-folders'
    $arguments = @(for ($i = 0; $i -lt $Tags.Count; $i++) { 'start virtiofs viofs' + $DriveLetters[$i] + ' "' + $Tags[$i] + '" ' + $DriveLetters[$i] + ':' })
    $task = Get-ScheduledTask -TaskName $name -ErrorAction SilentlyContinue
    if ($null -ne $task -and ((@($task.Actions | ForEach-Object { $_.Arguments }) -join '|') -ceq ($arguments -join '|'))) { return }
    $actions = @($arguments | ForEach-Object { New-ScheduledTaskAction -Execute $launchctl -Argument $_ })
    $trigger = New-ScheduledTaskTrigger -AtStartup
    $principal = New-ScheduledTaskPrincipal -UserId 'S-1-5-18' -LogonType ServiceAccount -RunLevel Highest
    $null = Register-ScheduledTask -TaskName $name -Action $actions -Trigger $trigger -Principal $principal -Force
    Add-WinguestChange -Message ('startup task ' + $name + ' mounts ' + $Tags.Count + ' share(s)')
}

function Mount-WinguestSmbShare {
    param(
        [string]$DriveLetter,
        [string]$Share
    )
    $drive = $DriveLetter + ':'
    $mapping = Get-SmbMapping -LocalPath $drive -ErrorAction SilentlyContinue
    if ($null -ne $mapping -and $mapping.RemotePath -eq $Share) {
        Write-WinguestLog -Line ('# ' + $Share + ' is mapped at ' + $drive)
        return
    }
    if (Test-Path -LiteralPath ($drive + '\')) { throw ('Drive ' + $drive + ' is already taken; give the SMB share another drive letter') }
    # QEMU's smbd serves the share to guests; Windows refuses guest logons and unsigned sessions by default.
    Set-SmbClientConfiguration -EnableInsecureGuestLogons $true -RequireSecuritySignature $false -Confirm:$false
    $output = & net.exe use $drive $Share /persistent:yes 2>&1
    if ($LASTEXITCODE -ne 0) { throw ('net use ' + $drive + ' ' + $Share + ' failed: ' + (Format-WinguestMessage -Text ([string]$output)) + ' Was the VM started with a user-network smb= share?') }
    Add-WinguestChange -Message ('mapped ' + $Share + ' at ' + $drive)
}`;
}
