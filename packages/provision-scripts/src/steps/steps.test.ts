import { describe, expect, test } from 'vitest';
import fixture from '../__fixtures__/variants.json';
import {
  InvalidInputError,
  type ProvisionSpecInput,
  renderProvisionScript,
  reservedStepNames,
  stepNamePattern,
} from '../index';

const sha = 'ab'.repeat(32);
const key = fixture.all.authorizedKeys.keys[0] as string;

function issuesOf(spec: unknown): Array<{ path: string; message: string }> {
  try {
    renderProvisionScript(spec as ProvisionSpecInput);
  } catch (error) {
    if (InvalidInputError.isInstance(error)) return [...error.issues];
    throw error;
  }
  throw new Error('the spec was accepted');
}

describe('openssh', () => {
  const script = renderProvisionScript({
    openssh: { strategy: 'msi', port: 2222, msi: { path: 'openssh/x.msi', sha256: sha } },
  });

  test('verifies the MSI by SHA-256 before msiexec runs it', () => {
    expect(script).toContain(`Install-WinguestMsi -Path $msi -ExpectedHash '${sha.toUpperCase()}'`);
    const install = script.slice(script.indexOf('function Install-WinguestMsi'));
    expect(install.indexOf('Assert-WinguestFileHash')).toBeLessThan(
      install.indexOf("Start-Process -FilePath 'msiexec.exe'"),
    );
  });

  test('sets sshd to Automatic, starts it, and opens OpenSSH-Server-In-TCP on the chosen port', () => {
    expect(script).toContain("Set-WinguestServiceRunning -Name 'sshd'");
    expect(script).toContain('Set-Service -Name $Name -StartupType Automatic');
    expect(script).toContain("$name = 'OpenSSH-Server-In-TCP'");
    expect(script).toContain('Set-WinguestSshFirewallRule -Port 2222');
    expect(script).toContain('Set-WinguestSshdPort -Port 2222');
  });

  test('falls back to the Windows capability OpenSSH.Server~~~~0.0.1.0', () => {
    expect(renderProvisionScript({ openssh: {} })).toContain(
      "Add-WindowsCapability -Online -Name 'OpenSSH.Server~~~~0.0.1.0'",
    );
  });
});

describe('guest-agent', () => {
  const msi = { path: 'guest-agent/qemu-ga-x86_64.msi', sha256: sha };
  const script = renderProvisionScript({ guestAgent: { msi } });
  const step = script.slice(script.indexOf("Invoke-WinguestStep -Name 'guest-agent'"));

  test('installs qemu-ga from the media through the same checksummed MSI helper as OpenSSH', () => {
    expect(step).toContain(
      `Install-WinguestMsi -Path (Get-WinguestMediaPath -RelativePath 'guest-agent\\qemu-ga-x86_64.msi') -ExpectedHash '${sha.toUpperCase()}'`,
    );
    expect(script.match(/^function Install-WinguestMsi /gm)).toHaveLength(1); // one helper, shared
    const both = renderProvisionScript({ guestAgent: { msi }, openssh: { strategy: 'msi', msi } });
    expect(both.match(/^function Install-WinguestMsi /gm)).toHaveLength(1);
  });

  test('installs only when the QEMU-GA service is missing, then keeps it automatic and running', () => {
    expect(step.indexOf("Get-Service -Name 'QEMU-GA'")).toBeLessThan(step.indexOf('Install-WinguestMsi'));
    expect(step).toContain("Set-WinguestServiceRunning -Name 'QEMU-GA'");
    expect(step).toContain('org.qemu.guest_agent.0');
    expect(step).not.toContain('Install-WinguestDriver'); // vioserial comes from $WinPEDriver$ unless asked
  });

  test('with serialDriverInf, the vioserial driver is installed before the agent', () => {
    const withDriver = renderProvisionScript({ guestAgent: { msi, serialDriverInf: 'drivers/vioser.inf' } });
    const body = withDriver.slice(withDriver.indexOf("Invoke-WinguestStep -Name 'guest-agent'"));
    expect(
      body.indexOf(
        "Install-WinguestDriver -InfPath (Get-WinguestMediaPath -RelativePath 'drivers\\vioser.inf')",
      ),
    ).toBeGreaterThan(-1);
    expect(body.indexOf('Install-WinguestDriver')).toBeLessThan(body.indexOf('Install-WinguestMsi'));
  });
});

describe('authorized-keys', () => {
  const script = renderProvisionScript({ authorizedKeys: { keys: [key], users: ['builder'] } });

  test('writes administrators_authorized_keys as UTF-8 bytes without BOM', () => {
    expect(script).toContain("'ssh\\administrators_authorized_keys'");
    expect(script).toContain(
      '$WinguestUtf8 = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false',
    );
    expect(script).toContain('[System.IO.File]::WriteAllBytes($Path, $wanted)');
  });

  test('restricts the ACL through SIDs (Administrators, SYSTEM), which work on every display language', () => {
    expect(script).toContain("-Sids @('S-1-5-32-544', 'S-1-5-18')");
    expect(script).toContain("$arguments = @($Path, '/inheritance:r')");
    expect(script).toContain("$arguments += @('/grant:r', ('*' + $sid + ':F'))");
  });

  test('gives non-administrators the keys in their own ~/.ssh/authorized_keys', () => {
    expect(script).toContain("foreach ($user in @('builder'))");
    expect(script).toContain("'.ssh\\authorized_keys'");
  });

  test('writes the validated, normalised key lines', () => {
    expect(script).toContain(`$keys = @('${key}')`);
  });
});

test("default-shell sets HKLM\\SOFTWARE\\OpenSSH\\DefaultShell to the shell's full path", () => {
  const script = renderProvisionScript({ defaultShell: { shell: 'powershell' } });
  expect(script).toContain("'System32\\WindowsPowerShell\\v1.0\\powershell.exe'");
  expect(script).toContain(
    "Set-WinguestRegistryValue -Path 'HKLM:\\SOFTWARE\\OpenSSH' -Name 'DefaultShell' -Type String -Value $shell",
  );
});

test('shared-folders installs WinFsp, registers VirtioFsSvc after WinFsp and the driver, and sets the drive letter', () => {
  const script = renderProvisionScript({
    sharedFolders: {
      winfspMsi: { path: 'winfsp.msi', sha256: sha },
      virtiofsExe: 'virtiofs.exe',
      driveLetter: 'y',
    },
  });
  expect(script).toContain("-DependsOn @('WinFsp.Launcher', 'VirtioFsDrv')");
  expect(script).toContain("-Name 'MountPoint' -Type String -Value 'Y:'");
});

test('secrets-cleanup removes the answer-file copies Setup caches under Panther', () => {
  const script = renderProvisionScript({ secretsCleanup: {} });
  expect(script).toContain("'Panther\\unattend.xml'");
  expect(script).toContain('Remove-Item -LiteralPath $path -Recurse -Force');
});

describe('validation', () => {
  test('reports every problem at once, each with its path', () => {
    const issues = issuesOf({
      serialPort: 'LPT1',
      openssh: { strategy: 'msi', port: 70000 },
      authorizedKeys: { keys: [key, 'ssh-dss AAAA'] },
      guestAgent: { msi: { path: '../escape.msi', sha256: 'nope' } },
      sharedFolders: { winfspMsi: { path: 'w.msi', sha256: sha }, virtiofsExe: 'v.exe', driveLetter: 'C' },
      power: { passwordNeverExpires: ['a/b'] },
      userSteps: [
        { name: 'openssh', path: 'a.ps1' },
        { name: 'dup', path: 'b.ps1' },
        { name: 'DUP', path: 'c.ps1' },
      ],
      secretsCleanup: { extraPaths: ['C:\\'] },
      surprise: true,
    });
    expect(issues.map((issue) => issue.path).sort()).toEqual(
      [
        '',
        'authorizedKeys.keys[1]',
        'guestAgent.msi.path',
        'guestAgent.msi.sha256',
        'openssh.msi',
        'openssh.port',
        'power.passwordNeverExpires[0]',
        'secretsCleanup.extraPaths[0]',
        'serialPort',
        'sharedFolders.driveLetter',
        'userSteps',
        'userSteps[0].name',
      ].sort(),
    );
    expect(issues.find((issue) => issue.path === 'userSteps[0].name')?.message).toContain(
      '"openssh" is reserved',
    );
  });

  test('every name the script reports is a valid step name on the wire', () => {
    for (const name of reservedStepNames) expect(name).toMatch(stepNamePattern);
  });
});
