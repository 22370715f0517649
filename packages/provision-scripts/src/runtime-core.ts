import { type PowerShellCode, ps } from './powershell-code';

/** Where the script logs every protocol line and details (UTF-8, no BOM). */
export const provisionLogPath = 'C:\\ProgramData\\winguest\\provision.log';

/** The file the script writes after the last step succeeded, just before `WINGUEST ready`. */
export const provisionDoneMarkerPath = 'C:\\ProgramData\\winguest\\provision.done';

const dataDirectory = 'C:\\ProgramData\\winguest';

/**
 * Settings, logging, the serial port and the step runner. `serialPort` is the port the protocol
 * lines go to when it exists (`false`: log only).
 */
export function renderPrelude(serialPort: string | false): PowerShellCode {
  return ps`Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$WinguestMedia = $PSScriptRoot
$WinguestDataDir = ${dataDirectory}
$WinguestLog = ${provisionLogPath}
$WinguestDoneMarker = ${provisionDoneMarkerPath}
$WinguestUtf8 = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false
$WinguestCrLf = [string][char]13 + [char]10
$WinguestInvariant = [System.Globalization.CultureInfo]::InvariantCulture
$WinguestChanges = New-Object -TypeName System.Collections.Generic.List[string]
$WinguestSerial = $null

function Open-WinguestSerial {
    param(
        [string]$Name
    )
    if ($Name -eq '') { return $null }
    try {
        if ([System.IO.Ports.SerialPort]::GetPortNames() -notcontains $Name) { return $null }
        $port = New-Object -TypeName System.IO.Ports.SerialPort -ArgumentList $Name, 115200
        $port.Encoding = $script:WinguestUtf8
        $port.WriteTimeout = 5000
        $port.Open()
        $port.Write($script:WinguestCrLf)
        return $port
    } catch {
        return $null
    }
}

function Write-WinguestLog {
    param(
        [string]$Line
    )
    [System.IO.File]::AppendAllText($script:WinguestLog, $Line + $script:WinguestCrLf, $script:WinguestUtf8)
}

function Write-WinguestLine {
    param(
        [string]$Line
    )
    Write-WinguestLog -Line $Line
    Write-Output $Line
    if ($null -ne $script:WinguestSerial) {
        try {
            $script:WinguestSerial.Write($Line + $script:WinguestCrLf)
        } catch {
            Write-WinguestLog -Line ('# serial port write failed: ' + $_.Exception.Message)
            $script:WinguestSerial = $null
        }
    }
}

function Format-WinguestMessage {
    param(
        [string]$Text
    )
    return ($Text -replace '\s+', ' ').Trim()
}

function Add-WinguestChange {
    param(
        [string]$Message
    )
    $script:WinguestChanges.Add($Message)
    Write-WinguestLog -Line ('# ' + (Format-WinguestMessage -Text $Message))
}

function Close-WinguestSerial {
    if ($null -ne $script:WinguestSerial) {
        try { $script:WinguestSerial.Close() } catch { Write-WinguestLog -Line '# serial port close failed' }
        $script:WinguestSerial = $null
    }
}

function Invoke-WinguestStep {
    param(
        [string]$Name,
        [scriptblock]$Body
    )
    $script:WinguestChanges.Clear()
    Write-WinguestLine -Line ('WINGUEST ' + $Name + ' start')
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    try {
        $null = & $Body
    } catch {
        $seconds = $watch.Elapsed.TotalSeconds.ToString('0.00', $script:WinguestInvariant)
        $message = Format-WinguestMessage -Text $_.Exception.Message
        Write-WinguestLog -Line ('# ' + (Format-WinguestMessage -Text $_.ScriptStackTrace))
        Write-WinguestLine -Line ('WINGUEST ' + $Name + ' fail ' + $seconds + ' ' + $message)
        Close-WinguestSerial
        exit 1
    }
    $seconds = $watch.Elapsed.TotalSeconds.ToString('0.00', $script:WinguestInvariant)
    if ($script:WinguestChanges.Count -eq 0) {
        Write-WinguestLine -Line ('WINGUEST ' + $Name + ' skip ' + $seconds + ' already as wanted')
    } else {
        $summary = Format-WinguestMessage -Text ($script:WinguestChanges -join '; ')
        Write-WinguestLine -Line ('WINGUEST ' + $Name + ' ok ' + $seconds + ' ' + $summary)
    }
}

if (-not (Test-Path -LiteralPath $WinguestDataDir -PathType Container)) {
    $null = New-Item -ItemType Directory -Path $WinguestDataDir -Force
}
if (Test-Path -LiteralPath $WinguestDoneMarker -PathType Leaf) {
    Remove-Item -LiteralPath $WinguestDoneMarker -Force
}
$WinguestSerial = Open-WinguestSerial -Name ${serialPort === false ? '' : serialPort}
Write-WinguestLog -Line ('# provisioning started ' + [DateTime]::UtcNow.ToString('o', $WinguestInvariant) + ' from ' + $WinguestMedia)`;
}

/** Writes the done-marker, reports `WINGUEST ready` and exits 0. */
export function renderEpilogue(): PowerShellCode {
  return ps`[System.IO.File]::WriteAllText($WinguestDoneMarker, [DateTime]::UtcNow.ToString('o', $WinguestInvariant) + $WinguestCrLf, $WinguestUtf8)
Write-WinguestLine -Line 'WINGUEST ready'
Close-WinguestSerial
exit 0`;
}
