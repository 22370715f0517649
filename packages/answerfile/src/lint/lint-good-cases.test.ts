import { encodePassword } from '@winguest/password-encoding';
import { describe, expect, test } from 'vitest';
import { component, disk, document, setup, shell } from '../__fixtures__/documents';
import { type LintOptions, lintAnswerFile, lintRules } from '../index';

// The good case of every rule: input close to its bad case that Setup accepts, so the rule says nothing.
const U = 'urn:schemas-microsoft-com:unattend';
const shellC = (body: string, arch = 'amd64') =>
  component('Microsoft-Windows-Shell-Setup', body, { processorArchitecture: arch });
const account =
  '<UserAccounts><LocalAccounts><LocalAccount wcm:action="add"><Name>dev</Name><Group>Administrators</Group></LocalAccount></LocalAccounts></UserAccounts>';
const command = (order: number) =>
  `<SynchronousCommand wcm:action="add"><Order>${order}</Order><CommandLine>cmd /c echo ${order}</CommandLine></SynchronousCommand>`;
const complete = (arch: string) =>
  component(
    'Microsoft-Windows-Setup',
    '<UserData><AcceptEula>true</AcceptEula><ProductKey><WillShowUI>OnError</WillShowUI></ProductKey></UserData><ImageInstall><OSImage><InstallToAvailablePartition>true</InstallToAvailablePartition><InstallFrom><MetaData wcm:action="add"><Key>/IMAGE/NAME</Key><Value>Windows 11 Pro</Value></MetaData></InstallFrom></OSImage></ImageInstall>',
    { processorArchitecture: arch },
  );

const good: [string, string, string, LintOptions?][] = [
  [
    'well-formed',
    'a file with a BOM and CDATA',
    `\uFEFF${shell('oobeSystem', '<FirstLogonCommands><SynchronousCommand wcm:action="add"><Order>1</Order><CommandLine><![CDATA[cmd /c "a & b"]]></CommandLine></SynchronousCommand></FirstLogonCommands>')}`,
  ],
  ['root-element', 'the unattend root', document({})],
  [
    'element-namespace',
    'wcm attributes on list items',
    shell('oobeSystem', `<FirstLogonCommands>${command(1)}</FirstLogonCommands>`),
  ],
  [
    'unknown-pass',
    'all seven passes',
    document(
      Object.fromEntries(
        [
          'windowsPE',
          'offlineServicing',
          'generalize',
          'specialize',
          'auditSystem',
          'auditUser',
          'oobeSystem',
        ].map((p) => [p, '']),
      ),
    ),
  ],
  [
    'structure',
    'a servicing element beside the passes',
    `<unattend xmlns="${U}"><servicing/><settings pass="specialize">${shellC('<ComputerName>PC</ComputerName>')}</settings></unattend>`,
  ],
  ['component-attributes', 'a wow64 component', document({ specialize: shellC('', 'wow64') })],
  [
    'target-architecture',
    'wow64 beside amd64 on amd64 media',
    document({ specialize: shellC('<ComputerName>PC</ComputerName>') + shellC('', 'wow64') }),
    { arch: 'amd64' },
  ],
  [
    'setting-pass',
    'Deployment/Generalize in auditUser',
    document({
      auditUser: component(
        'Microsoft-Windows-Deployment',
        '<Generalize><ForceShutdownNow>true</ForceShutdownNow><Mode>OOBE</Mode></Generalize>',
      ),
    }),
  ],
  [
    'unknown-component',
    'a component in the table',
    document({
      specialize: component(
        'Microsoft-Windows-TerminalServices-LocalSessionManager',
        '<fDenyTSConnections>false</fDenyTSConnections>',
      ),
    }),
  ],
  [
    'unknown-setting',
    'a setting of an open component the table lists only in part',
    document({
      specialize: component(
        'Microsoft-Windows-TCPIP',
        '<Interfaces><Interface wcm:action="add"><Identifier>Ethernet</Identifier></Interface></Interfaces>',
      ),
    }),
  ],
  [
    'setting-value',
    'booleans in any case and an enumeration value',
    shell(
      'oobeSystem',
      '<OOBE><HideEULAPage>True</HideEULAPage><ProtectYourPC>3</ProtectYourPC><NetworkLocation>work</NetworkLocation></OOBE>',
    ),
  ],
  [
    'list-item-action',
    'a list item with wcm:action="modify"',
    shell(
      'oobeSystem',
      `<FirstLogonCommands>${command(1).replace('"add"', '"modify"')}</FirstLogonCommands>`,
    ),
  ],
  [
    'command-order',
    'Orders 1 and 500',
    shell('oobeSystem', `<FirstLogonCommands>${command(1)}${command(500)}</FirstLogonCommands>`),
  ],
  [
    'value-length',
    'a CommandLine of exactly 1024 characters',
    shell(
      'oobeSystem',
      `<FirstLogonCommands><SynchronousCommand wcm:action="add"><Order>1</Order><CommandLine>${'c'.repeat(1024)}</CommandLine></SynchronousCommand></FirstLogonCommands>`,
    ),
  ],
  [
    'empty-value',
    'no key but WillShowUI OnError',
    setup('<UserData><ProductKey><WillShowUI>OnError</WillShowUI></ProductKey></UserData>'),
  ],
  [
    'product-key',
    'a generic key',
    setup('<UserData><ProductKey><Key>VK7JG-NPHTM-C97JM-9MPGT-3V66T</Key></ProductKey></UserData>'),
  ],
  ['time-zone', 'a Windows zone ID', shell('specialize', '<TimeZone>W. Europe Standard Time</TimeZone>')],
  ['computer-name', 'a random name', shell('specialize', '<ComputerName>*</ComputerName>')],
  [
    'user-name',
    'a 20-character name',
    shell('oobeSystem', account.replace('<Name>dev</Name>', `<Name>${'u'.repeat(20)}</Name>`)),
  ],
  [
    'reserved-user-name',
    'a name that only contains a reserved one',
    shell('oobeSystem', account.replace('<Name>dev</Name>', '<Name>guest2</Name>')),
  ],
  ['administrator-account', 'an account in Administrators', shell('oobeSystem', account)],
  [
    'password-encoding',
    'an encoded LocalAccount password',
    shell(
      'oobeSystem',
      account.replace(
        '</Group>',
        `</Group><Password><Value>${encodePassword('pw', 'Password')}</Value><PlainText>false</PlainText></Password>`,
      ),
    ),
  ],
  [
    'autologon-count',
    'LogonCount 2',
    shell(
      'oobeSystem',
      '<AutoLogon><Enabled>true</Enabled><LogonCount>2</LogonCount><Username>dev</Username></AutoLogon>',
    ),
  ],
  [
    'partition-order',
    'Orders 1 to 3',
    disk([
      ['EFI', 100],
      ['MSR', 16],
      ['Primary', 'extend'],
    ]),
    { firmware: 'uefi' },
  ],
  [
    'partition-size',
    'Size then Extend',
    disk([
      ['Primary', 350],
      ['Primary', 'extend'],
    ]),
    { firmware: 'bios' },
  ],
  [
    'partition-type',
    'GPT with EFI and MSR',
    disk([
      ['EFI', 100],
      ['MSR', 16],
      ['Primary', 'extend'],
    ]),
    { firmware: 'uefi' },
  ],
  [
    'partition-reference',
    'InstallTo the last partition',
    disk(
      [
        ['EFI', 100],
        ['MSR', 16],
        ['Primary', 'extend'],
      ],
      { installTo: [0, 3] },
    ),
  ],
  [
    'unattended-install',
    'amd64 and arm64 each complete',
    document({
      windowsPE: complete('amd64') + complete('arm64'),
      oobeSystem: shellC(account) + shellC(account, 'arm64'),
    }),
  ],
  [
    'unattended-install',
    'an x86 file with a stray wow64 component (Setup skips it on x86 media)',
    document({
      windowsPE: complete('x86'),
      specialize: component('Microsoft-Windows-IE-InternetExplorer', '<Home_Page>about:blank</Home_Page>', {
        processorArchitecture: 'wow64',
      }),
      oobeSystem: shellC(account, 'x86'),
    }),
  ],
  [
    'unknown-component',
    'a component name written in another case',
    document({
      generalize: component(
        'Microsoft-Windows-PnPSysprep',
        '<PersistAllDeviceInstalls>true</PersistAllDeviceInstalls>',
      ),
    }),
  ],
  [
    'autologon-empty-password',
    'AutoLogon with a password',
    shell(
      'oobeSystem',
      '<AutoLogon><Enabled>true</Enabled><Username>dev</Username><Password><Value>Pa55-word</Value><PlainText>true</PlainText></Password></AutoLogon>',
    ),
  ],
  [
    'deprecated-setting',
    'the Hide* OOBE settings',
    shell(
      'oobeSystem',
      '<OOBE><HideOnlineAccountScreens>true</HideOnlineAccountScreens><HideLocalAccountScreen>true</HideLocalAccountScreen></OOBE>',
    ),
  ],
];

describe('good cases: no finding of the rule', () => {
  test.each(good)('%s: %s', (ruleId, _, xml, options = {}) => {
    const findings = lintAnswerFile(xml, options).filter((f) => f.ruleId === ruleId);
    expect(findings).toEqual([]);
  });

  test('every rule has a good case', () => {
    expect(new Set(good.map(([ruleId]) => ruleId))).toEqual(new Set(lintRules.map((r) => r.id)));
  });
});
