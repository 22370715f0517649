# Runs the first-logon script the way Windows Setup does after the first logon: the FirstLogonCommands
# line, through cmd.exe, elevated (the runner's account is an administrator), finding the media by
# its marker on whatever drive letter Windows gives the mounted cidata ISO.
# Writes <Out>\<Name>.stdout.txt, <Name>.log (C:\ProgramData\winguest\provision.log of this run),
# <Name>.exit and msiexec's logs under <Name>-msi-logs. -PlantSecrets first leaves answer-file copies
# where Setup leaves them.
param(
    [Parameter(Mandatory = $true)][string]$Iso,
    [Parameter(Mandatory = $true)][string]$LauncherFile,
    [Parameter(Mandatory = $true)][string]$Out,
    [Parameter(Mandatory = $true)][string]$Name,
    [switch]$PlantSecrets
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

if ($PlantSecrets) {
    foreach ($relative in @('Panther\unattend.xml', 'Panther\Unattend\Unattend.xml', 'System32\Sysprep\unattend.xml')) {
        $path = Join-Path -Path $env:SystemRoot -ChildPath $relative
        $null = New-Item -ItemType Directory -Force -Path (Split-Path -Path $path -Parent)
        [System.IO.File]::WriteAllText($path, '<unattend><Password>*SENSITIVE*DATA*DELETED*</Password></unattend>')
    }
}
$log = 'C:\ProgramData\winguest\provision.log'
if (Test-Path -LiteralPath $log) { Remove-Item -LiteralPath $log -Force }

$image = (Resolve-Path -LiteralPath $Iso).Path
$volume = Mount-DiskImage -ImagePath $image -StorageType ISO -PassThru | Get-Volume
Write-Host ('mounted ' + $image + ' as ' + $volume.DriveLetter + ': (label ' + $volume.FileSystemLabel + ')')
try {
    $launcher = [System.IO.File]::ReadAllText($LauncherFile).Trim()
    # The raw command line, as Setup hands it to cmd.exe: no PowerShell argument quoting in between.
    $start = New-Object -TypeName System.Diagnostics.ProcessStartInfo -ArgumentList 'cmd.exe', ('/c ' + $launcher)
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $process = [System.Diagnostics.Process]::Start($start)
    $stdout = $process.StandardOutput.ReadToEnd()
    $process.WaitForExit()
    $code = $process.ExitCode
} finally {
    $null = Dismount-DiskImage -ImagePath $image
}
$null = New-Item -ItemType Directory -Force -Path $Out
[System.IO.File]::WriteAllText((Join-Path -Path $Out -ChildPath ($Name + '.stdout.txt')), $stdout)
[System.IO.File]::WriteAllText((Join-Path -Path $Out -ChildPath ($Name + '.exit')), [string]$code)
if (Test-Path -LiteralPath $log) { Copy-Item -LiteralPath $log -Destination (Join-Path -Path $Out -ChildPath ($Name + '.log')) -Force }
# msiexec's verbose logs beside it, for the artifact when an install fails.
$details = Join-Path -Path $Out -ChildPath ($Name + '-msi-logs')
$null = New-Item -ItemType Directory -Force -Path $details
Get-ChildItem -Path 'C:\ProgramData\winguest' -Filter '*.msi.log' -ErrorAction SilentlyContinue | Copy-Item -Destination $details -Force
Write-Host $stdout
Write-Host ($Name + ': the launcher exited with ' + $code)
