# Shared by the Windows CI job's checks: each promise is checked by id, every failure is reported
# (as a GitHub annotation), and Complete-PromiseCheck exits 1 when any failed. Dot-source it.
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$script:PromiseFailures = New-Object -TypeName System.Collections.Generic.List[string]

function Test-Promise {
    param(
        [Parameter(Mandatory = $true)][string]$Id,
        [Parameter(Mandatory = $true)][scriptblock]$Check
    )
    try {
        $detail = [string](& $Check)
        Write-Host ('ok    ' + $Id + ': ' + $detail)
    } catch {
        $script:PromiseFailures.Add($Id)
        Write-Host ('::error::' + $Id + ': ' + $_.Exception.Message)
    }
}

function Assert-Equal {
    param(
        [string]$What,
        [AllowNull()][object]$Actual,
        [AllowNull()][object]$Expected
    )
    if ([string]$Actual -cne [string]$Expected) { throw ($What + ' is "' + $Actual + '", expected "' + $Expected + '"') }
    return ($What + ' = ' + $Actual)
}

function Complete-PromiseCheck {
    param(
        [string]$Name
    )
    if ($script:PromiseFailures.Count -gt 0) {
        Write-Host ($Name + ': ' + $script:PromiseFailures.Count + ' promise(s) broken: ' + ($script:PromiseFailures -join ', '))
        exit 1
    }
    Write-Host ($Name + ': every promise holds')
    exit 0
}
