# Checks from outside that a run which hit a failing step stopped there: exit code 1, no done
# marker, and nothing after the failure ran (the planted answer-file copy is still there, msiexec
# never ran an MSI whose hash is wrong). For shared-folders, which fails at its last action on a
# runner (no virtio-fs device), everything before it must be in place. The failure line itself is
# checked by `windows-ci progress`.
param(
    [Parameter(Mandatory = $true)][ValidateSet('failing-step', 'bad-hash', 'shared-folders')][string]$Case,
    [Parameter(Mandatory = $true)][string]$ExitCodeFile,
    [string]$Media
)
. (Join-Path -Path $PSScriptRoot -ChildPath 'promise-checks.ps1')
$data = 'C:\ProgramData\winguest'

Test-Promise -Id 'fail-exits-1' -Check {
    Assert-Equal -What 'the launcher exit code' -Actual ([System.IO.File]::ReadAllText($ExitCodeFile).Trim()) -Expected '1'
}
Test-Promise -Id 'fail-no-done-marker' -Check {
    if (Test-Path -LiteralPath (Join-Path -Path $data -ChildPath 'provision.done')) { throw 'provision.done exists after a failed run' }
    'no provision.done'
}
if ($Case -eq 'failing-step') {
    Test-Promise -Id 'cleanup-only-after-success' -Check {
        if (-not (Test-Path -LiteralPath (Join-Path -Path $env:SystemRoot -ChildPath 'Panther\unattend.xml'))) { throw 'secrets-cleanup ran after a failed step' }
        'the planted Panther\unattend.xml is still there'
    }
} elseif ($Case -eq 'shared-folders') {
    Test-Promise -Id 'winfsp-installed' -Check {
        $null = Get-Service -Name 'WinFsp.Launcher'
        'the WinFsp.Launcher service exists'
    }
    Test-Promise -Id 'virtiofs-copied' -Check {
        $exe = Join-Path -Path $env:ProgramFiles -ChildPath 'winguest\virtiofs.exe'
        $media = Join-Path -Path $Media -ChildPath 'winguest\virtio\virtiofs.exe'
        Assert-Equal -What ('SHA-256 of ' + $exe) -Actual (Get-FileHash -LiteralPath $exe).Hash -Expected (Get-FileHash -LiteralPath $media).Hash
    }
    Test-Promise -Id 'virtiofs-launcher' -Check {
        $key = Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\WOW6432Node\WinFsp\Services\virtiofs'
        $exe = Join-Path -Path $env:ProgramFiles -ChildPath 'winguest\virtiofs.exe'
        Assert-Equal -What 'WinFsp.Launcher virtiofs Executable; CommandLine; JobControl' -Actual ($key.Executable + '; ' + $key.CommandLine + '; ' + $key.JobControl) -Expected ($exe + '; -t %1 -m %2; 1')
    }
    Test-Promise -Id 'virtiofs-startup-task' -Check {
        $task = Get-ScheduledTask -TaskName 'winguest-shared-folders'
        $arguments = @($task.Actions | ForEach-Object { $_.Arguments }) -join '|'
        Assert-Equal -What 'startup task actions' -Actual $arguments -Expected 'start virtiofs viofsY "ci-share" Y:'
    }
} else {
    Test-Promise -Id 'msi-hash-before-msiexec' -Check {
        if ($null -ne (Get-Service -Name 'QEMU-GA' -ErrorAction SilentlyContinue)) { throw 'the QEMU-GA service exists: the MSI was installed' }
        if (Test-Path -LiteralPath (Join-Path -Path $data -ChildPath 'qemu-ga-x86_64.msi.log')) { throw 'msiexec wrote a log for the MSI' }
        'msiexec never ran the MSI whose hash is wrong'
    }
}
Complete-PromiseCheck -Name ('check-failed ' + $Case)
