# Checks what write-variants.mjs wrote, with PowerShell's own parser and PSScriptAnalyzer:
#   - every .ps1 parses without errors ([System.Management.Automation.Language.Parser]::ParseFile);
#   - every quoting case tokenizes as exactly one string token whose value is the original text
#     (-NoQuotingCases: a directory of other scripts, parsed only);
#   - with -Analyze: PSScriptAnalyzer reports no Error-severity finding (warnings are printed only).
# Usage: powershell -File scripts/check-variants.ps1 -Directory <dir>        (Windows PowerShell 5.1)
#        pwsh -File scripts/check-variants.ps1 -Directory <dir> -Analyze
param(
    [Parameter(Mandatory = $true)][string]$Directory,
    [switch]$Analyze,
    [switch]$NoQuotingCases
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$failures = 0

foreach ($file in Get-ChildItem -LiteralPath $Directory -Filter '*.ps1') {
    $tokens = $null
    $errors = $null
    $null = [System.Management.Automation.Language.Parser]::ParseFile($file.FullName, [ref]$tokens, [ref]$errors)
    if ($errors.Count -gt 0) {
        $failures++
        foreach ($parseError in $errors) {
            Write-Host ('::error file=' + $file.Name + ',line=' + $parseError.Extent.StartLineNumber + '::' + $parseError.Message)
        }
    } else {
        Write-Host ('parsed ' + $file.Name + ' with PowerShell ' + $PSVersionTable.PSVersion)
    }
}

$cases = @()
if (-not $NoQuotingCases) {
    $cases = Get-Content -LiteralPath (Join-Path $Directory 'quoting-cases.json') -Raw -Encoding UTF8 | ConvertFrom-Json
}
foreach ($case in $cases) {
    $tokens = $null
    $errors = $null
    $null = [System.Management.Automation.Language.Parser]::ParseInput($case.literal, [ref]$tokens, [ref]$errors)
    $strings = @($tokens | Where-Object { $_.Kind -ne 'EndOfInput' })
    $ok = $errors.Count -eq 0 -and $strings.Count -eq 1 -and $strings[0] -is [System.Management.Automation.Language.StringToken] -and $strings[0].Value -ceq $case.value
    if (-not $ok) {
        $failures++
        Write-Host ('::error::quoting case is not one string token with the original value: ' + $case.literal)
    }
}
Write-Host ('checked ' + @($cases).Count + ' quoting cases')

if (-not $Analyze) {
    Write-Host 'PSScriptAnalyzer not requested'
} elseif (Get-Module -ListAvailable -Name PSScriptAnalyzer) {
    $findings = @(Invoke-ScriptAnalyzer -Path $Directory -Recurse)
    $findings | Format-Table -AutoSize -Property @('RuleName', 'Severity', 'ScriptName', 'Line', 'Message') | Out-String -Width 200 | Write-Host
    $fatal = @($findings | Where-Object { [string]$_.Severity -eq 'Error' -or [string]$_.Severity -eq 'ParseError' })
    if ($fatal.Count -gt 0) {
        $failures += $fatal.Count
        Write-Host ('::error::PSScriptAnalyzer reported ' + $fatal.Count + ' error(s)')
    }
} else {
    $failures++
    Write-Host '::error::PSScriptAnalyzer is not installed (Install-Module PSScriptAnalyzer)'
}

if ($failures -gt 0) {
    Write-Host ('FAILED: ' + $failures + ' problem(s)')
    exit 1
}
Write-Host 'all variants parse; quoting holds; no analyzer errors'
