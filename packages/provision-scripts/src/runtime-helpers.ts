import { type PowerShellCode, ps } from './powershell-code';

/**
 * Helpers every step may use. Each checks the current state first, acts only when it differs,
 * and records what it changed with Add-WinguestChange (no change at all reports the step as skip).
 */
export function renderHelpers(): PowerShellCode {
  return ps`function Get-WinguestMediaPath {
    param(
        [string]$RelativePath
    )
    return (Join-Path -Path $script:WinguestMedia -ChildPath $RelativePath)
}

function Invoke-WinguestNative {
    param(
        [string]$FilePath,
        [string[]]$ArgumentList,
        [int[]]$SuccessCodes = @(0)
    )
    $ErrorActionPreference = 'Continue'
    $output = & $FilePath @ArgumentList 2>&1 | Out-String
    $code = $LASTEXITCODE
    Write-WinguestLog -Line ('# ' + $FilePath + ' exited with ' + $code)
    if ($SuccessCodes -notcontains $code) {
        throw ($FilePath + ' ' + ($ArgumentList -join ' ') + ' failed with exit code ' + $code + ': ' + $output)
    }
    return $output
}

function Assert-WinguestFileHash {
    param(
        [string]$Path,
        [string]$ExpectedHash
    )
    if (-not (Test-Path -LiteralPath $Path -PathType Leaf)) { throw ('File not found on the media: ' + $Path) }
    $actual = (Get-FileHash -LiteralPath $Path -Algorithm SHA256).Hash
    if ($actual -ne $ExpectedHash) {
        throw ('SHA-256 of ' + $Path + ' is ' + $actual + ', expected ' + $ExpectedHash + '; the media is damaged or holds another file')
    }
}

function Install-WinguestMsi {
    param(
        [string]$Path,
        [string]$ExpectedHash
    )
    Assert-WinguestFileHash -Path $Path -ExpectedHash $ExpectedHash
    $log = Join-Path -Path $script:WinguestDataDir -ChildPath ([System.IO.Path]::GetFileName($Path) + '.log')
    $arguments = '/i "' + $Path + '" /qn /norestart /l*v "' + $log + '"'
    $process = Start-Process -FilePath 'msiexec.exe' -ArgumentList $arguments -Wait -PassThru
    if (@(0, 3010) -notcontains $process.ExitCode) {
        throw ('msiexec failed with exit code ' + $process.ExitCode + ' installing ' + $Path + '; see ' + $log)
    }
    Add-WinguestChange -Message ('installed ' + [System.IO.Path]::GetFileName($Path))
}

function Install-WinguestDriver {
    param(
        [string]$InfPath
    )
    $name = [System.IO.Path]::GetFileName($InfPath)
    $present = @(Get-WindowsDriver -Online | Where-Object { [System.IO.Path]::GetFileName($_.OriginalFileName) -eq $name })
    if ($present.Count -gt 0) { return }
    if (-not (Test-Path -LiteralPath $InfPath -PathType Leaf)) { throw ('Driver not found on the media: ' + $InfPath) }
    $null = Invoke-WinguestNative -FilePath 'pnputil.exe' -ArgumentList @('/add-driver', $InfPath, '/install') -SuccessCodes @(0, 259, 3010)
    Add-WinguestChange -Message ('installed driver ' + $name)
}

function Get-WinguestRegistryValue {
    param(
        [string]$Path,
        [string]$Name
    )
    if (-not (Test-Path -LiteralPath $Path)) { return $null }
    $key = Get-Item -LiteralPath $Path
    if ($key.GetValueNames() -notcontains $Name) { return $null }
    return $key.GetValue($Name)
}

function Set-WinguestRegistryValue {
    param(
        [string]$Path,
        [string]$Name,
        [ValidateSet('String', 'DWord')][string]$Type,
        [object]$Value
    )
    if (-not (Test-Path -LiteralPath $Path)) { $null = New-Item -Path $Path -Force }
    $key = Get-Item -LiteralPath $Path
    if ($key.GetValueNames() -contains $Name) {
        if ([string]$key.GetValueKind($Name) -eq $Type -and [string]$key.GetValue($Name) -ceq [string]$Value) { return }
    }
    $null = New-ItemProperty -LiteralPath $Path -Name $Name -PropertyType $Type -Value $Value -Force
    Add-WinguestChange -Message ($Path + '\' + $Name + ' = ' + $Value)
}

function Set-WinguestServiceRunning {
    param(
        [string]$Name,
        [string]$Hint
    )
    $service = Get-Service -Name $Name
    if ([string]$service.StartType -ne 'Automatic') {
        Set-Service -Name $Name -StartupType Automatic
        Add-WinguestChange -Message ($Name + ' starts automatically')
    }
    if ([string]$service.Status -ne 'Running') {
        try {
            Start-Service -Name $Name
        } catch {
            throw ('Service ' + $Name + ' does not start: ' + $_.Exception.Message + ' ' + $Hint)
        }
        Add-WinguestChange -Message ($Name + ' started')
    }
}

function Copy-WinguestFile {
    param(
        [string]$Source,
        [string]$Destination
    )
    if (-not (Test-Path -LiteralPath $Source -PathType Leaf)) { throw ('File not found on the media: ' + $Source) }
    if (Test-Path -LiteralPath $Destination -PathType Leaf) {
        if ((Get-FileHash -LiteralPath $Source).Hash -eq (Get-FileHash -LiteralPath $Destination).Hash) { return }
    }
    $directory = Split-Path -Path $Destination -Parent
    if (-not (Test-Path -LiteralPath $directory -PathType Container)) { $null = New-Item -ItemType Directory -Path $directory -Force }
    Copy-Item -LiteralPath $Source -Destination $Destination -Force
    Add-WinguestChange -Message ('copied ' + $Destination)
}`;
}
