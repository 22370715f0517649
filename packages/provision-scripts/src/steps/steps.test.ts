import { describe, expect, test } from 'vitest';
import { parsePowerShell } from '../__fixtures__/powershell-grammar';
import { type CommandCall, type Condition, callsOf, commandCalls } from '../__fixtures__/script-syntax';
import fixture from '../__fixtures__/variants.json';
import {
  cachedAnswerFiles,
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

function conditionCalls(call: CommandCall, kind: Condition['kind']): string[] {
  return call.conditions
    .filter((c) => c.kind === kind)
    .flatMap((c) => c.commands.map((command) => command.name));
}

describe('openssh', async () => {
  const calls = await commandCalls(
    renderProvisionScript({
      openssh: { strategy: 'msi', port: 2222, msi: { path: 'openssh/x.msi', sha256: sha } },
    }),
  );
  const step = { step: 'openssh' };

  test('installs the MSI only when the sshd service is missing, with its SHA-256 checked before msiexec runs', () => {
    const [install] = callsOf(calls, 'Install-WinguestMsi', step);
    expect(install?.parameters.ExpectedHash).toBe(sha.toUpperCase());
    expect(install && conditionCalls(install, 'if')).toContain('Get-Service');
    const [check] = callsOf(calls, 'Assert-WinguestFileHash', { function: 'Install-WinguestMsi' });
    const [msiexec] = callsOf(calls, 'Start-Process', { function: 'Install-WinguestMsi' });
    expect(msiexec?.parameters.FilePath).toBe('msiexec.exe');
    expect(check?.offset).toBeLessThan(msiexec?.offset ?? 0);
  });

  test('then makes sshd Automatic and running, sets the port, and opens OpenSSH-Server-In-TCP on it', () => {
    const order = calls
      .filter((call) => call.step === 'openssh' && call.conditions.length === 0)
      .map((call) => [call.name, call.parameters]);
    expect(order).toEqual([
      ['=', {}],
      ['=', {}],
      ['Get-WinguestMediaPath', { RelativePath: 'openssh\\x.msi' }],
      ['Get-Service', { Name: 'sshd', ErrorAction: 'SilentlyContinue' }],
      ['Set-WinguestServiceRunning', { Name: 'sshd', Hint: 'See the OpenSSH event log.' }],
      ['Set-WinguestSshdPort', { Port: '2222' }],
      ['Set-WinguestSshFirewallRule', { Port: '2222' }],
    ]);
    const [automatic] = callsOf(calls, 'Set-Service', { function: 'Set-WinguestServiceRunning' });
    expect(automatic?.parameters.StartupType).toBe('Automatic');
    const [rule] = callsOf(calls, 'New-NetFirewallRule', { function: 'Set-WinguestSshFirewallRule' });
    expect(rule?.parameters).toMatchObject({
      Direction: 'Inbound',
      Protocol: 'TCP',
      LocalPort: '$Port',
      Action: 'Allow',
    });
    const [name] = callsOf(calls, '=', { function: 'Set-WinguestSshFirewallRule' });
    expect(name?.positional).toEqual(['$name', 'OpenSSH-Server-In-TCP']);
  });

  test('falls back to the Windows capability OpenSSH.Server~~~~0.0.1.0 when no MSI is given', async () => {
    const auto = await commandCalls(renderProvisionScript({ openssh: {} }));
    const [add] = callsOf(auto, 'Add-WindowsCapability', step);
    expect(add?.parameters).toEqual({ Online: true, Name: 'OpenSSH.Server~~~~0.0.1.0' });
    expect(add?.conditions.map((c) => c.kind)).toEqual(['if', 'else', 'if']);
  });

  test('builtin refuses to install anything when sshd is missing', async () => {
    const builtin = await commandCalls(renderProvisionScript({ openssh: { strategy: 'builtin' } }));
    const [refusal] = callsOf(builtin, 'throw', step).filter((call) =>
      call.positional[0]?.includes('not preinstalled'),
    );
    expect(refusal?.conditions.map((c) => c.text)).toEqual([
      "$null -eq (Get-Service -Name 'sshd' -ErrorAction SilentlyContinue)",
      "$strategy -eq 'builtin'",
    ]);
  });
});

describe('guest-agent', async () => {
  const msi = { path: 'guest-agent/qemu-ga-x86_64.msi', sha256: sha };
  const calls = await commandCalls(renderProvisionScript({ guestAgent: { msi } }));
  const step = { step: 'guest-agent' };

  test('installs qemu-ga from the media through the same checksummed MSI helper as OpenSSH', async () => {
    const [install] = callsOf(calls, 'Install-WinguestMsi', step);
    expect(install?.parameters).toEqual({
      Path: "(Get-WinguestMediaPath -RelativePath 'guest-agent\\qemu-ga-x86_64.msi')",
      ExpectedHash: sha.toUpperCase(),
    });
    const both = renderProvisionScript({ guestAgent: { msi }, openssh: { strategy: 'msi', msi } });
    const helpers = (await parsePowerShell(both)).rootNode
      .descendantsOfType('function_name')
      .filter((name) => name?.text === 'Install-WinguestMsi');
    expect(helpers).toHaveLength(1); // one helper, shared
  });

  test('installs only when the QEMU-GA service is missing, then keeps it automatic and running', () => {
    const [install] = callsOf(calls, 'Install-WinguestMsi', step);
    expect(
      install?.conditions.map((c) => c.commands.map((command) => [command.name, command.parameters.Name])),
    ).toEqual([[['Get-Service', 'QEMU-GA']]]);
    const [running] = callsOf(calls, 'Set-WinguestServiceRunning', step);
    expect(running?.conditions).toEqual([]);
    expect(running?.parameters.Name).toBe('QEMU-GA');
    expect(running?.parameters.Hint).toContain('org.qemu.guest_agent.0');
    expect(
      calls.filter((call) => call.step === 'guest-agent' && call.name === 'Install-WinguestDriver'),
    ).toEqual([]); // vioserial comes from $WinPEDriver$ unless asked
  });

  test('with serialDriverInf, the vioserial driver is installed before the agent', async () => {
    const withDriver = await commandCalls(
      renderProvisionScript({ guestAgent: { msi, serialDriverInf: 'drivers/vioser.inf' } }),
    );
    const [driver] = callsOf(withDriver, 'Install-WinguestDriver', step);
    const [install] = callsOf(withDriver, 'Install-WinguestMsi', step);
    expect(driver?.parameters.InfPath).toBe("(Get-WinguestMediaPath -RelativePath 'drivers\\vioser.inf')");
    expect(driver?.offset).toBeLessThan(install?.offset ?? 0);
  });
});

describe('authorized-keys', async () => {
  const calls = await commandCalls(
    renderProvisionScript({ authorizedKeys: { keys: [key], users: ['builder'] } }),
  );

  test('writes the validated key lines to administrators_authorized_keys, restricted to Administrators and SYSTEM', () => {
    const [keys] = callsOf(calls, '=', { step: 'authorized-keys' });
    expect(keys?.positional).toEqual(['$keys', `@('${key}')`]);
    const [admins] = callsOf(calls, 'Set-WinguestAuthorizedKeys', { step: 'authorized-keys' });
    expect(admins?.parameters).toMatchObject({ Keys: '$keys', Sids: "@('S-1-5-32-544', 'S-1-5-18')" });
    expect(admins?.parameters.Path).toContain("'ssh\\administrators_authorized_keys'");
  });

  test('writes bytes with the BOM-less UTF-8 encoding, only when they differ', () => {
    const [write] = callsOf(calls, '[System.IO.File]::WriteAllBytes', {
      function: 'Set-WinguestAuthorizedKeys',
    });
    expect(write?.positional).toEqual(['$Path', '$wanted']);
    expect(write?.conditions.map((c) => c.kind)).toEqual(['if']);
    const encoding = calls.find((call) => call.name === '=' && call.positional[0] === '$WinguestUtf8');
    expect(encoding?.positional[1]).toBe(
      'New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false',
    );
  });

  test('sets the ACL with icacls by SID (works on every display language), inheritance removed', () => {
    const [icacls] = callsOf(calls, 'Invoke-WinguestNative', { function: 'Set-WinguestKeyFileAcl' });
    expect(icacls?.parameters.FilePath).toBe('icacls.exe');
    const built = callsOf(calls, '=', { function: 'Set-WinguestKeyFileAcl' }).filter(
      (call) => call.positional[0] === '$arguments',
    );
    expect(built.map((call) => [call.positional[1], call.conditions.map((c) => c.text)])).toEqual([
      ["@($Path, '/inheritance:r')", []],
      [
        "@('/remove:g', ('*' + $rule.IdentityReference.Value))",
        ['$rule in $rules', '$Sids -notcontains $rule.IdentityReference.Value'],
      ],
      ["@('/grant:r', ('*' + $sid + ':F'))", ['$sid in $Sids']],
    ]);
  });

  test('gives each non-administrator the keys in their own ~/.ssh/authorized_keys', () => {
    const [own] = callsOf(calls, 'Set-WinguestAuthorizedKeys', { step: 'authorized-keys' }).filter((call) =>
      call.conditions.some((c) => c.kind === 'foreach'),
    );
    expect(own?.conditions.map((c) => c.text)).toEqual(["$user in @('builder')"]);
    expect(own?.parameters.Path).toContain("'.ssh\\authorized_keys'");
  });
});

test("default-shell sets HKLM\\SOFTWARE\\OpenSSH\\DefaultShell to the shell's full path, which must exist", async () => {
  const calls = await commandCalls(renderProvisionScript({ defaultShell: { shell: 'powershell' } }));
  const [shell] = callsOf(calls, '=', { step: 'default-shell' });
  expect(shell?.positional).toEqual([
    '$shell',
    "Join-Path -Path $env:SystemRoot -ChildPath 'System32\\WindowsPowerShell\\v1.0\\powershell.exe'",
  ]);
  const [missing] = callsOf(calls, 'throw', { step: 'default-shell' });
  expect(missing?.conditions[0]?.commands.map((c) => [c.name, c.parameters.LiteralPath])).toEqual([
    ['Test-Path', '$shell'],
  ]);
  const [set] = callsOf(calls, 'Set-WinguestRegistryValue', { step: 'default-shell' });
  expect(set?.parameters).toEqual({
    Path: 'HKLM:\\SOFTWARE\\OpenSSH',
    Name: 'DefaultShell',
    Type: 'String',
    Value: '$shell',
  });
});

describe('shared-folders', async () => {
  const step = { step: 'shared-folders' };
  const calls = await commandCalls(
    renderProvisionScript({
      sharedFolders: {
        mode: 'virtio-fs',
        winfspMsi: { path: 'winfsp.msi', sha256: sha },
        virtiofsExe: 'virtio/virtiofs.exe',
        driverInf: 'virtio/viofs.inf',
        shares: [
          { tag: 'home', driveLetter: 'y' },
          { tag: 'data', driveLetter: 'Z', readOnly: true },
        ],
      },
    }),
  );

  test('installs WinFsp only when its launcher is missing, from the verified MSI, then the viofs driver', () => {
    const [winfsp] = callsOf(calls, 'Install-WinguestMsi', step);
    expect(winfsp?.conditions[0]?.commands.map((c) => c.parameters.Name)).toEqual(['WinFsp.Launcher']);
    expect(winfsp?.parameters.ExpectedHash).toBe(sha.toUpperCase());
    const [driver] = callsOf(calls, 'Install-WinguestDriver', step);
    expect(driver?.parameters.InfPath).toContain("'virtio\\viofs.inf'");
    expect(winfsp?.offset).toBeLessThan(driver?.offset ?? 0);
  });

  test('registers virtiofs.exe with WinFsp.Launcher as fsreg.bat does, and keeps VirtioFsSvc (one share) manual', () => {
    const values = callsOf(calls, 'Set-WinguestRegistryValue', { function: 'Register-WinguestVirtioFs' });
    expect(values.map((v) => [v.parameters.Name, v.parameters.Value])).toEqual([
      ['Executable', '$Executable'],
      ['CommandLine', '-t %1 -m %2'],
      ['Security', 'D:P(A;;RPWPLC;;;WD)'],
      ['JobControl', '1'],
    ]);
    expect(new Set(values.map((v) => v.parameters.Path))).toEqual(new Set(['$key']));
    const [key] = callsOf(calls, '=', { function: 'Register-WinguestVirtioFs' });
    expect(key?.positional).toEqual(['$key', 'HKLM:\\SOFTWARE\\WOW6432Node\\WinFsp\\Services\\virtiofs']);
    const [manual] = callsOf(calls, 'Set-Service', { function: 'Register-WinguestVirtioFs' });
    expect(manual?.parameters).toEqual({ Name: 'VirtioFsSvc', StartupType: 'Manual' });
  });

  test('mounts every share at its letter (read-only ones say so), one launcher instance each, after a startup task that remounts them', () => {
    const mounts = callsOf(calls, 'Mount-WinguestVirtioFs', step);
    expect(mounts.map((m) => m.parameters)).toEqual([
      { Tag: 'home', DriveLetter: 'Y' },
      { Tag: 'data', DriveLetter: 'Z', ReadOnly: true },
    ]);
    const [task] = callsOf(calls, 'Register-WinguestShareTask', step);
    expect(task?.parameters).toEqual({ Tags: "@('home', 'data')", DriveLetters: "@('Y', 'Z')" });
    expect(task?.offset).toBeLessThan(mounts[0]?.offset ?? 0);
    const launches = callsOf(calls, '& $launchctl', { function: 'Mount-WinguestVirtioFs' });
    expect(launches.map((l) => l.positional)).toEqual([
      ['info', 'virtiofs', '$instance', '2>&1'],
      ['start', 'virtiofs', '$instance', '$Tag', "($DriveLetter + ':')", '2>&1'],
    ]);
    const [trigger] = callsOf(calls, 'New-ScheduledTaskTrigger', { function: 'Register-WinguestShareTask' });
    expect(trigger?.parameters).toEqual({ AtStartup: true });
  });

  test('each mount is reported as a change (progress line and log) or, when already there, in the log', () => {
    const reports = callsOf(calls, 'Add-WinguestChange', { function: 'Mount-WinguestVirtioFs' });
    expect(reports.map((r) => r.parameters.Message)).toEqual([
      "('mounted virtio-fs tag ' + $Tag + ' at ' + $DriveLetter + ':' + $access)",
    ]);
    const [already] = callsOf(calls, 'Write-WinguestLog', { function: 'Mount-WinguestVirtioFs' });
    expect(already?.conditions.map((c) => c.kind)).toEqual(['if']);
    const [failure] = callsOf(calls, 'throw', { function: 'Mount-WinguestVirtioFs' }).slice(-1);
    expect(failure?.positional[0]).toContain('vhost-user-fs-pci device with this tag');
  });

  test("SMB: net use of QEMU's share at the letter, persistent, with guest logons allowed", async () => {
    const smb = await commandCalls(
      renderProvisionScript({ sharedFolders: { mode: 'smb', driveLetter: 's' } }),
    );
    const [mount] = callsOf(smb, 'Mount-WinguestSmbShare', step);
    expect(mount?.parameters).toEqual({ DriveLetter: 'S', Share: '\\\\10.0.2.4\\qemu' });
    const [net] = callsOf(smb, '& net.exe', { function: 'Mount-WinguestSmbShare' });
    expect(net?.positional).toEqual(['use', '$drive', '$Share', '/persistent:yes', '2>&1']);
    const [guest] = callsOf(smb, 'Set-SmbClientConfiguration', { function: 'Mount-WinguestSmbShare' });
    expect(guest?.offset).toBeLessThan(net?.offset ?? 0);
    expect(smb.filter((c) => c.step === 'shared-folders' && c.name === 'Install-WinguestMsi')).toEqual([]);
  });

  test('reports every bad share at once: duplicate tag and letter, long or quoted tags, bad letters', () => {
    const base = { mode: 'virtio-fs', winfspMsi: { path: 'w.msi', sha256: sha }, virtiofsExe: 'v.exe' };
    const issues = issuesOf({
      sharedFolders: {
        ...base,
        shares: [
          { tag: 'a', driveLetter: 'Y' },
          { tag: 'a', driveLetter: 'y' },
          { tag: 'x'.repeat(37), driveLetter: 'C' },
          { tag: 'has space', driveLetter: 'Q' },
        ],
      },
    });
    expect(issues.map((i) => i.path)).toEqual([
      'sharedFolders.shares[2].tag',
      'sharedFolders.shares[2].driveLetter',
      'sharedFolders.shares[3].tag',
      'sharedFolders.shares[1].tag',
      'sharedFolders.shares[1].driveLetter',
    ]);
    const duplicates = issuesOf({
      sharedFolders: {
        ...base,
        shares: [
          { tag: 'a', driveLetter: 'Y' },
          { tag: 'a', driveLetter: 'y' },
        ],
      },
    });
    expect(duplicates.map((i) => i.path)).toEqual([
      'sharedFolders.shares[1].tag',
      'sharedFolders.shares[1].driveLetter',
    ]);
  });
});

test('secrets-cleanup removes every answer-file copy Setup caches, each only when present', async () => {
  const calls = await commandCalls(
    renderProvisionScript({ secretsCleanup: { extraPaths: ['C:\\stage\\x'] } }),
  );
  const [paths] = callsOf(calls, '=', { step: 'secrets-cleanup' });
  for (const cached of cachedAnswerFiles)
    expect(paths?.positional[1]).toContain(`'${cached.replaceAll("'", "''")}'`);
  expect(paths?.positional[1]).toContain("@('C:\\stage\\x')");
  const [remove] = callsOf(calls, 'Remove-Item', { step: 'secrets-cleanup' });
  expect(remove?.parameters).toEqual({ LiteralPath: '$path', Recurse: true, Force: true });
  expect(remove?.conditions.map((c) => [c.kind, c.commands.map((command) => command.name)])).toEqual([
    ['foreach', []],
    ['if', ['Test-Path']],
  ]);
});

describe('validation', () => {
  test('reports every problem at once, each with its path', () => {
    const issues = issuesOf({
      serialPort: 'LPT1',
      openssh: { strategy: 'msi', port: 70000 },
      authorizedKeys: { keys: [key, 'ssh-dss AAAA'] },
      guestAgent: { msi: { path: '../escape.msi', sha256: 'nope' } },
      sharedFolders: { mode: 'smb', driveLetter: 'C' },
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
