# Checks from outside the first-logon script that a run left the runner as every step promises.
# Each Test-Promise id is named in packages/provision-scripts/src/__fixtures__/step-promises.ts.
param(
    [Parameter(Mandatory = $true)][ValidateSet('msi', 'capability', 'builtin')][string]$Strategy,
    [Parameter(Mandatory = $true)][int]$Port,
    [Parameter(Mandatory = $true)][string]$User,
    [Parameter(Mandatory = $true)][string]$Key,
    [Parameter(Mandatory = $true)][string]$PublicKey
)
. (Join-Path -Path $PSScriptRoot -ChildPath 'promise-checks.ps1')
$data = 'C:\ProgramData\winguest'

# power
Test-Promise -Id 'hibernation-off' -Check {
    Assert-Equal -What 'HibernateEnabled' -Actual (Get-ItemProperty -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Control\Power').HibernateEnabled -Expected 0
}
Test-Promise -Id 'never-sleep' -Check {
    foreach ($setting in @(@('SUB_SLEEP', 'STANDBYIDLE'), @('SUB_VIDEO', 'VIDEOIDLE'))) {
        $query = & powercfg.exe /query SCHEME_CURRENT $setting[0] $setting[1] | Out-String
        $values = @([regex]::Matches($query, '0x[0-9a-fA-F]{8}') | ForEach-Object { $_.Value })
        if ($values.Count -lt 2 -or $values[-1] -ne '0x00000000' -or $values[-2] -ne '0x00000000') { throw ($setting[1] + ' AC/DC are ' + ($values -join ' ')) }
    }
    'standby and monitor timeouts 0 on AC and DC'
}
Test-Promise -Id 'no-public-network' -Check {
    $public = @(Get-NetConnectionProfile | Where-Object { [string]$_.NetworkCategory -eq 'Public' })
    Assert-Equal -What 'connections in the Public category' -Actual $public.Count -Expected 0
}
Test-Promise -Id 'password-never-expires' -Check {
    Assert-Equal -What ('PasswordExpires of ' + $User) -Actual (Get-LocalUser -Name $User).PasswordExpires -Expected $null
}
Test-Promise -Id 'rdp-enabled' -Check {
    $deny = (Get-ItemProperty -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server').fDenyTSConnections
    $off = @(Get-NetFirewallRule -Group '@FirewallAPI.dll,-28752' | Where-Object { [string]$_.Enabled -ne 'True' })
    if ($off.Count -gt 0) { throw ([string]$off.Count + ' Remote Desktop firewall rule(s) disabled') }
    Assert-Equal -What 'fDenyTSConnections' -Actual $deny -Expected 0
}
Test-Promise -Id 'windows-update-paused' -Check {
    Assert-Equal -What 'NoAutoUpdate' -Actual (Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate\AU').NoAutoUpdate -Expected 1
}
Test-Promise -Id 'defender-scans-off' -Check {
    if ($null -eq (Get-Command -Name 'Get-MpPreference' -ErrorAction SilentlyContinue)) { return 'Defender is not installed: nothing to pause' }
    Assert-Equal -What 'ScanScheduleDay' -Actual (Get-MpPreference).ScanScheduleDay -Expected 8
}

# openssh
Test-Promise -Id 'sshd-running-automatic' -Check {
    $service = Get-Service -Name 'sshd'
    Assert-Equal -What 'sshd' -Actual ([string]$service.Status + ', ' + [string]$service.StartType) -Expected 'Running, Automatic'
}
Test-Promise -Id 'sshd-from-strategy' -Check {
    $binary = [string](Get-CimInstance -ClassName Win32_Service -Filter "Name='sshd'").PathName
    $expected = @{ msi = 'Program Files\OpenSSH'; capability = 'System32\OpenSSH'; builtin = 'System32\OpenSSH' }[$Strategy]
    if ($binary -notlike ('*' + $expected + '*')) { throw ('sshd runs ' + $binary + ', expected it under ' + $expected) }
    if ($Strategy -eq 'capability') {
        Assert-Equal -What 'OpenSSH.Server capability' -Actual (Get-WindowsCapability -Online -Name 'OpenSSH.Server~~~~0.0.1.0').State -Expected 'Installed'
    } else { 'sshd runs ' + $binary }
}
Test-Promise -Id 'sshd-listens-on-port' -Check {
    $listening = @(Get-NetTCPConnection -State Listen -LocalPort $Port -ErrorAction SilentlyContinue)
    if ($listening.Count -eq 0) { throw ('nothing listens on TCP ' + $Port) }
    'TCP ' + $Port + ' is listening'
}
Test-Promise -Id 'firewall-rule' -Check {
    $rule = Get-NetFirewallRule -Name 'OpenSSH-Server-In-TCP'
    $filter = $rule | Get-NetFirewallPortFilter
    $actual = [string]$rule.Enabled + ' ' + [string]$rule.Direction + ' ' + [string]$rule.Action + ' ' + [string]$rule.Profile + ' ' + [string]$filter.Protocol + ' ' + [string]$filter.LocalPort
    Assert-Equal -What 'OpenSSH-Server-In-TCP' -Actual $actual -Expected ('True Inbound Allow Any TCP ' + $Port)
}

# authorized-keys
$keyFile = Join-Path -Path $env:ProgramData -ChildPath 'ssh\administrators_authorized_keys'
Test-Promise -Id 'admin-keys-acl' -Check {
    $acl = Get-Acl -LiteralPath $keyFile
    if (-not $acl.AreAccessRulesProtected) { throw 'the ACL still inherits from the folder' }
    $rules = @($acl.GetAccessRules($true, $true, [System.Security.Principal.SecurityIdentifier]) | ForEach-Object { $_.IdentityReference.Value + ':' + $_.AccessControlType + ':' + $_.FileSystemRights } | Sort-Object)
    Assert-Equal -What 'access rules' -Actual ($rules -join ', ') -Expected 'S-1-5-18:Allow:FullControl, S-1-5-32-544:Allow:FullControl'
}
Test-Promise -Id 'admin-keys-utf8' -Check {
    $bytes = [System.IO.File]::ReadAllBytes($keyFile)
    if ($bytes.Length -ge 3 -and $bytes[0] -eq 0xEF -and $bytes[1] -eq 0xBB -and $bytes[2] -eq 0xBF) { throw 'the file starts with a UTF-8 BOM' }
    $text = [System.Text.Encoding]::UTF8.GetString($bytes)
    if ($text.Split([char]10) -notcontains ([System.IO.File]::ReadAllText($PublicKey).Trim())) { throw 'the key is not one of its lines' }
    'UTF-8 without BOM, holds the key'
}
Test-Promise -Id 'ssh-login-exit-code' -Check {
    $known = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath 'winguest-known-hosts'
    $options = @('-i', $Key, '-p', [string]$Port, '-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=no', '-o', ('UserKnownHostsFile=' + $known), ($User + '@localhost'))
    $null = & ssh.exe @options 'exit 7'
    Assert-Equal -What ('ssh -i key -p ' + $Port + ' ' + $User + '@localhost "exit 7" exit code') -Actual $LASTEXITCODE -Expected 7
}

# default-shell
$powershell = Join-Path -Path $env:SystemRoot -ChildPath 'System32\WindowsPowerShell\v1.0\powershell.exe'
Test-Promise -Id 'default-shell-registry' -Check {
    Assert-Equal -What 'HKLM\SOFTWARE\OpenSSH\DefaultShell' -Actual (Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\OpenSSH').DefaultShell -Expected $powershell
}
Test-Promise -Id 'default-shell-session' -Check {
    $known = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath 'winguest-known-hosts'
    $edition = & ssh.exe -i $Key -p ([string]$Port) -o 'BatchMode=yes' -o 'StrictHostKeyChecking=no' -o ('UserKnownHostsFile=' + $known) ($User + '@localhost') '$PSVersionTable.PSEdition'
    Assert-Equal -What 'the PowerShell edition an SSH command runs in' -Actual ([string]$edition).Trim() -Expected 'Desktop'
}

# user steps, secrets-cleanup, the end of the run
Test-Promise -Id 'user-step-ran' -Check {
    if (-not (Test-Path -LiteralPath (Join-Path -Path $data -ChildPath 'user-step.ran') -PathType Leaf)) { throw 'the user step left no trace' }
    'the user step ran'
}
Test-Promise -Id 'panther-cleaned' -Check {
    $left = @('Panther\unattend.xml', 'Panther\Unattend', 'System32\Sysprep\unattend.xml') | Where-Object { Test-Path -LiteralPath (Join-Path -Path $env:SystemRoot -ChildPath $_) }
    if (@($left).Count -gt 0) { throw ('still there: ' + ($left -join ', ')) }
    'the planted answer-file copies are gone'
}
Test-Promise -Id 'done-marker' -Check {
    $text = [System.IO.File]::ReadAllText((Join-Path -Path $data -ChildPath 'provision.done')).Trim()
    'provision.done written at ' + [DateTime]::Parse($text, [System.Globalization.CultureInfo]::InvariantCulture).ToString('o')
}
Test-Promise -Id 'log-utf8-crlf' -Check {
    $bytes = [System.IO.File]::ReadAllBytes((Join-Path -Path $data -ChildPath 'provision.log'))
    if ($bytes[0] -eq 0xEF) { throw 'the log starts with a BOM' }
    $text = [System.Text.Encoding]::UTF8.GetString($bytes)
    if ($text -match '[^\r]\n') { throw 'a line ends without CR' }
    if (-not $text.EndsWith("WINGUEST ready`r`n")) { throw 'the log does not end with WINGUEST ready' }
    'UTF-8, CRLF, ends with WINGUEST ready'
}
Complete-PromiseCheck -Name 'check-provisioned'
