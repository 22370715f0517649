import * as z from 'zod';
import { windowsUserNameSchema } from '../common-schemas';
import { ps } from '../powershell-code';
import { formatSshPublicKey, parseSshPublicKey } from '../ssh-public-key';
import type { RenderedStep } from './rendered-step';

const publicKeySchema = z.string().transform((line, context) => {
  const key = parseSshPublicKey(line);
  if (typeof key === 'string') {
    context.addIssue({
      code: 'custom',
      message: `${JSON.stringify(line.slice(0, 60))} is not an SSH public key: ${key}`,
    });
    return z.NEVER;
  }
  return formatSshPublicKey(key);
});

/** Options of the `authorized-keys` step. */
export const authorizedKeysStepSchema = z
  .object({
    /** OpenSSH public key lines (ed25519, ecdsa, rsa, sk-*), as in `~/.ssh/id_ed25519.pub`. */
    keys: z.array(publicKeySchema).min(1, { error: 'give at least one public key' }),
    /**
     * Write the keys to `C:\ProgramData\ssh\administrators_authorized_keys`, which sshd uses for
     * every member of Administrators (their own ~/.ssh/authorized_keys is ignored).
     */
    administrators: z.boolean().default(true),
    /** Accounts that are not administrators: the keys go to their `~/.ssh/authorized_keys`. */
    users: z.array(windowsUserNameSchema).default([]),
  })
  .strict();

/** The input of the `authorized-keys` step. */
export type AuthorizedKeysStepOptions = z.input<typeof authorizedKeysStepSchema>;

/** SIDs of BUILTIN\Administrators and SYSTEM: the only principals on administrators_authorized_keys. */
export const administratorsKeyFileSids = ['S-1-5-32-544', 'S-1-5-18'] as const;

/** Renders the `authorized-keys` step. */
export function renderAuthorizedKeysStep(options: z.output<typeof authorizedKeysStepSchema>): RenderedStep {
  const admins = options.administrators
    ? ps`Set-WinguestAuthorizedKeys -Path (Join-Path -Path $env:ProgramData -ChildPath 'ssh\administrators_authorized_keys') -Keys $keys -Sids ${administratorsKeyFileSids}`
    : ps``;
  const body = ps`$keys = ${options.keys}
${admins}
foreach ($user in ${options.users}) {
    $sid = Get-WinguestUserSid -Name $user
    $profileDirectory = Get-WinguestProfileDirectory -Name $user -Sid $sid
    Set-WinguestAuthorizedKeys -Path (Join-Path -Path $profileDirectory -ChildPath '.ssh\authorized_keys') -Keys $keys -Sids @($sid, ${administratorsKeyFileSids[0]}, ${administratorsKeyFileSids[1]})
}`;
  return { name: 'authorized-keys', helpers: keyFileHelpers(), body };
}

function keyFileHelpers() {
  return ps`function Set-WinguestAuthorizedKeys {
    param(
        [string]$Path,
        [string[]]$Keys,
        [string[]]$Sids
    )
    $directory = Split-Path -Path $Path -Parent
    if (-not (Test-Path -LiteralPath $directory -PathType Container)) { $null = New-Item -ItemType Directory -Path $directory -Force }
    $lines = New-Object -TypeName System.Collections.Generic.List[string]
    $current = $null
    if (Test-Path -LiteralPath $Path -PathType Leaf) {
        $current = [System.IO.File]::ReadAllBytes($Path)
        foreach ($line in [System.IO.File]::ReadAllLines($Path)) {
            if ($line.Trim() -ne '' -and -not $lines.Contains($line.Trim())) { $lines.Add($line.Trim()) }
        }
    }
    foreach ($key in $Keys) { if (-not $lines.Contains($key)) { $lines.Add($key) } }
    $wanted = $script:WinguestUtf8.GetBytes(($lines -join [string][char]10) + [char]10)
    if ($null -eq $current -or [Convert]::ToBase64String($current) -cne [Convert]::ToBase64String($wanted)) {
        [System.IO.File]::WriteAllBytes($Path, $wanted)
        Add-WinguestChange -Message ('wrote ' + $Path + ' (UTF-8 without BOM)')
    }
    Set-WinguestKeyFileAcl -Path $Path -Sids $Sids
}

function Set-WinguestKeyFileAcl {
    param(
        [string]$Path,
        [string[]]$Sids
    )
    $acl = Get-Acl -LiteralPath $Path
    $rules = @($acl.GetAccessRules($true, $true, [System.Security.Principal.SecurityIdentifier]))
    $actual = @($rules | ForEach-Object { $_.IdentityReference.Value + ':' + $_.AccessControlType + ':' + $_.FileSystemRights } | Sort-Object -Unique)
    $expected = @($Sids | ForEach-Object { $_ + ':Allow:FullControl' } | Sort-Object -Unique)
    if ($acl.AreAccessRulesProtected -and (($actual -join ',') -eq ($expected -join ','))) { return }
    $arguments = @($Path, '/inheritance:r')
    foreach ($rule in $rules) {
        if ($Sids -notcontains $rule.IdentityReference.Value) { $arguments += @('/remove:g', ('*' + $rule.IdentityReference.Value)) }
    }
    foreach ($sid in $Sids) { $arguments += @('/grant:r', ('*' + $sid + ':F')) }
    $null = Invoke-WinguestNative -FilePath 'icacls.exe' -ArgumentList $arguments
    Add-WinguestChange -Message ('ACL of ' + $Path + ' grants only ' + ($Sids -join ', '))
}

function Get-WinguestUserSid {
    param(
        [string]$Name
    )
    try {
        $account = New-Object -TypeName System.Security.Principal.NTAccount -ArgumentList $Name
        return $account.Translate([System.Security.Principal.SecurityIdentifier]).Value
    } catch {
        throw ('User ' + $Name + ' does not exist on this guest; create it in the answer file first')
    }
}

function Get-WinguestProfileDirectory {
    param(
        [string]$Name,
        [string]$Sid
    )
    $key = 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList\' + $Sid
    if (-not (Test-Path -LiteralPath $key)) {
        if (-not ('Winguest.UserEnv' -as [type])) {
            Add-Type -Namespace 'Winguest' -Name 'UserEnv' -MemberDefinition '[DllImport("userenv.dll", CharSet = CharSet.Unicode)] public static extern int CreateProfile(string sid, string name, System.Text.StringBuilder path, uint size);'
        }
        $buffer = New-Object -TypeName System.Text.StringBuilder -ArgumentList 260
        $result = [Winguest.UserEnv]::CreateProfile($Sid, $Name, $buffer, 260)
        if ($result -ne 0) { throw ('CreateProfile for ' + $Name + ' failed with HRESULT 0x' + $result.ToString('X8')) }
        Add-WinguestChange -Message ('created the profile of ' + $Name)
    }
    return [string](Get-ItemProperty -LiteralPath $key).ProfileImagePath
}`;
}
