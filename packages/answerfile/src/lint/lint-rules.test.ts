import { encodePassword } from '@winguest/password-encoding';
import { describe, expect, test } from 'vitest';
import { component, disk, document, setup, shell } from '../__fixtures__/documents';
import { type LintOptions, type LintSeverity, lintAnswerFile, lintRules } from '../index';

const shellC = (body: string) => component('Microsoft-Windows-Shell-Setup', body);
const account = (name: string, group = 'Administrators') =>
  `<UserAccounts><LocalAccounts><LocalAccount wcm:action="add"><Name>${name}</Name><Group>${group}</Group></LocalAccount></LocalAccounts></UserAccounts>`;
const password = (element: string, value: string, plainText = 'false') =>
  `<UserAccounts><${element}><Value>${value}</Value><PlainText>${plainText}</PlainText></${element}></UserAccounts>`;
const command = (order: string, line = 'cmd /c echo') =>
  `<SynchronousCommand wcm:action="add"><Order>${order}</Order><CommandLine>${line}</CommandLine></SynchronousCommand>`;
const runSync = (path: string) =>
  `<RunSynchronous><RunSynchronousCommand wcm:action="add"><Order>1</Order><Path>${path}</Path></RunSynchronousCommand></RunSynchronous>`;
const U = 'urn:schemas-microsoft-com:unattend';
const image = (installTo = '') =>
  `<ImageInstall><OSImage>${installTo}<InstallFrom><MetaData wcm:action="add"><Key>/IMAGE/INDEX</Key><Value>1</Value></MetaData></InstallFrom></OSImage></ImageInstall>`;

type Case = [string, string, LintOptions, string, LintSeverity, RegExp, number?];

const cases: Case[] = [
  ['unclosed element', '<unattend xmlns="urn:x">\n<settings>', {}, 'well-formed', 'error', /unclosed tag/],
  ['wrong root', `<answers xmlns="${U}"/>`, {}, 'root-element', 'error', /root element is <answers>/],
  [
    'root without namespace',
    '<unattend/>',
    {},
    'root-element',
    'error',
    /declare xmlns="urn:schemas-microsoft-com:unattend"/,
  ],
  [
    'element in no namespace',
    `<unattend xmlns="${U}"><settings xmlns="" pass="specialize"/></unattend>`,
    {},
    'element-namespace',
    'warning',
    /is in no namespace \(xmlns=""\), not in "urn:schemas-microsoft-com:unattend" .*; remove xmlns=""/,
  ],
  [
    'element in a foreign namespace',
    `<unattend xmlns="${U}"><x:Extensions xmlns:x="urn:other"><x:a/></x:Extensions></unattend>`,
    {},
    'element-namespace',
    'info',
    /Setup ignores it/,
  ],
  [
    'pass with the wrong case',
    document({ WindowsPE: '' }),
    {},
    'unknown-pass',
    'error',
    /did you mean "windowsPE"\?/,
  ],
  [
    'settings without pass',
    `<unattend xmlns="${U}"><settings/></unattend>`,
    {},
    'unknown-pass',
    'error',
    /no pass attribute/,
  ],
  [
    'missing publicKeyToken',
    document({ specialize: component('Microsoft-Windows-Shell-Setup', '', { publicKeyToken: '' }) }),
    {},
    'component-attributes',
    'error',
    /publicKeyToken ""/,
  ],
  [
    'language not neutral',
    document({ specialize: component('Microsoft-Windows-Shell-Setup', '', { language: 'en-US' }) }),
    {},
    'component-attributes',
    'error',
    /language "en-US"; use "neutral"/,
  ],
  [
    'unknown architecture',
    document({
      specialize: component('Microsoft-Windows-Shell-Setup', '', { processorArchitecture: 'ia64' }),
    }),
    {},
    'component-attributes',
    'error',
    /"ia64"/,
  ],
  [
    'versionScope other than nonSxS',
    document({ specialize: component('Microsoft-Windows-Shell-Setup', '', { versionScope: 'SxS' }) }),
    {},
    'component-attributes',
    'warning',
    /use "nonSxS"/,
  ],
  [
    'component for another architecture than the media',
    document({
      specialize: component('Microsoft-Windows-Shell-Setup', '', { processorArchitecture: 'arm64' }),
    }),
    { arch: 'amd64' },
    'target-architecture',
    'info',
    /is for arm64; on amd64 media Setup skips it/,
  ],
  [
    'mixed architectures',
    document({
      specialize: `${component('Microsoft-Windows-Shell-Setup', '')}${component('Microsoft-Windows-Deployment', '', { processorArchitecture: 'x86' })}`,
    }),
    {},
    'target-architecture',
    'info',
    /several architectures \(amd64, x86\); Setup applies only those of the media's architecture/,
  ],
  [
    'Shell-Setup in windowsPE',
    setup('').replace('</settings>', `${shellC('<ComputerName>PC</ComputerName>')}</settings>`),
    {},
    'setting-pass',
    'warning',
    /Setup does not read Microsoft-Windows-Shell-Setup in the windowsPE pass and ignores it there/,
  ],
  [
    'OOBE in specialize',
    shell('specialize', '<OOBE><HideEULAPage>true</HideEULAPage></OOBE>'),
    {},
    'setting-pass',
    'warning',
    /Shell-Setup\/OOBE in the specialize pass and ignores it there; its passes are oobeSystem/,
  ],
  [
    'ComputerName in oobeSystem',
    shell('oobeSystem', '<ComputerName>PC</ComputerName>'),
    {},
    'setting-pass',
    'warning',
    /ComputerName in the oobeSystem pass and ignores it there; its passes are offlineServicing, specialize/,
  ],
  [
    'Deployment RunSynchronous in oobeSystem',
    document({ oobeSystem: component('Microsoft-Windows-Deployment', runSync('cmd')) }),
    {},
    'setting-pass',
    'warning',
    /Deployment\/RunSynchronous in the oobeSystem pass/,
  ],
  [
    'Setup in specialize',
    document({ specialize: component('Microsoft-Windows-Setup', '') }),
    {},
    'setting-pass',
    'warning',
    /Microsoft-Windows-Setup in the specialize pass and ignores it there; its passes are windowsPE/,
  ],
  [
    'unknown component',
    document({ specialize: component('Contoso-Widget', '') }),
    {},
    'unknown-component',
    'info',
    /Contoso-Widget/,
  ],
  [
    'International-Core in windowsPE',
    document({
      windowsPE: component('Microsoft-Windows-International-Core', '<UILanguage>en-US</UILanguage>'),
    }),
    {},
    'setting-pass',
    'warning',
    /International-Core in the windowsPE pass and ignores it there; its passes are specialize, oobeSystem/,
  ],
  [
    'ComputerName inside Microsoft-Windows-Setup',
    setup('<ComputerName>PC</ComputerName>'),
    {},
    'unknown-setting',
    'error',
    /Microsoft-Windows-Setup has no setting ComputerName: Setup stops with "could not parse or process the unattend answer file" in the windowsPE pass; ComputerName belongs to Microsoft-Windows-Shell-Setup/,
  ],
  [
    'misspelt nested setting',
    shell('oobeSystem', '<OOBE><HideEulaPage>true</HideEulaPage></OOBE>'),
    {},
    'unknown-setting',
    'error',
    /has no setting OOBE\/HideEulaPage.*case-sensitive/,
  ],
  [
    'boolean that is not true or false',
    shell('oobeSystem', '<OOBE><HideEULAPage>yes</HideEULAPage></OOBE>'),
    {},
    'setting-value',
    'error',
    /OOBE\/HideEULAPage is "yes", which is not true or false: Setup stops/,
  ],
  [
    'number out of range and enumeration value',
    shell(
      'oobeSystem',
      '<OOBE><ProtectYourPC>4</ProtectYourPC><NetworkLocation>Cafe</NetworkLocation></OOBE>',
    ),
    {},
    'setting-value',
    'error',
    /is "4", which is above 3|is "Cafe", which is not one of Home, Work, Other/,
    2,
  ],
  [
    'component outside settings',
    `<unattend xmlns="${U}"><settings pass="specialize"/>${component('Microsoft-Windows-Shell-Setup', '<ComputerName>PC</ComputerName>')}</unattend>`,
    {},
    'structure',
    'error',
    /<component> is inside <unattend>, not <settings>: Setup cannot process the answer file/,
  ],
  [
    'a setting directly in settings',
    `<unattend xmlns="${U}"><settings pass="specialize"><ComputerName>PC</ComputerName></settings></unattend>`,
    {},
    'structure',
    'error',
    /<ComputerName> sits directly in <settings>, which holds only <component>/,
  ],
  [
    'list item without wcm:action',
    shell(
      'oobeSystem',
      '<FirstLogonCommands><SynchronousCommand><Order>1</Order><CommandLine>x</CommandLine></SynchronousCommand></FirstLogonCommands>',
    ),
    {},
    'list-item-action',
    'warning',
    /without wcm:action/,
  ],
  [
    'invalid wcm:action',
    shell(
      'oobeSystem',
      '<FirstLogonCommands><SynchronousCommand wcm:action="append"><Order>1</Order><CommandLine>x</CommandLine></SynchronousCommand></FirstLogonCommands>',
    ),
    {},
    'list-item-action',
    'error',
    /"append"/,
  ],
  [
    'duplicate Order',
    shell('oobeSystem', `<FirstLogonCommands>${command('1')}${command('1')}</FirstLogonCommands>`),
    {},
    'command-order',
    'error',
    /Order 1 appears twice/,
  ],
  [
    'Order out of range',
    shell(
      'oobeSystem',
      `<FirstLogonCommands>${command('0')}${command('501')}${command('x')}</FirstLogonCommands>`,
    ),
    {},
    'setting-value',
    'error',
    /Order is "(0|501|x)", which (is below 1|is above 500|is not a whole number): Setup stops/,
    3,
  ],
  [
    'command without Order',
    shell(
      'oobeSystem',
      '<FirstLogonCommands><SynchronousCommand wcm:action="add"><CommandLine>x</CommandLine></SynchronousCommand></FirstLogonCommands>',
    ),
    {},
    'command-order',
    'error',
    /<SynchronousCommand> has no Order; give each a unique Order from 1 to 500/,
  ],
  [
    'CommandLine over 1024',
    shell('oobeSystem', `<FirstLogonCommands>${command('1', 'c'.repeat(1025))}</FirstLogonCommands>`),
    {},
    'value-length',
    'error',
    /1025 characters long; Windows allows at most 1024/,
  ],
  [
    'Description over 256',
    shell(
      'oobeSystem',
      `<FirstLogonCommands><SynchronousCommand wcm:action="add"><Order>1</Order><CommandLine>x</CommandLine><Description>${'d'.repeat(257)}</Description></SynchronousCommand></FirstLogonCommands>`,
    ),
    {},
    'value-length',
    'error',
    /at most 256/,
  ],
  [
    'Deployment Path over 259',
    document({ specialize: component('Microsoft-Windows-Deployment', runSync('p'.repeat(260))) }),
    {},
    'value-length',
    'error',
    /at most 259/,
  ],
  [
    'empty product key',
    setup('<UserData><ProductKey><Key/></ProductKey></UserData>'),
    {},
    'empty-value',
    'warning',
    /ProductKey\/Key is empty: Setup treats it as no key/,
  ],
  [
    'empty command Path',
    document({ specialize: component('Microsoft-Windows-Deployment', runSync('')) }),
    {},
    'empty-value',
    'warning',
    /<RunSynchronousCommand\/Path> is empty; give it a value or remove the element/,
  ],
  [
    'empty image MetaData Value',
    setup(
      '<ImageInstall><OSImage><InstallFrom><MetaData wcm:action="add"><Key>/IMAGE/NAME</Key><Value></Value></MetaData></InstallFrom></OSImage></ImageInstall>',
    ),
    {},
    'empty-value',
    'warning',
    /<MetaData\/Value> is empty/,
  ],
  [
    'malformed product key',
    setup('<UserData><ProductKey><Key>ABCDE-12345</Key></ProductKey></UserData>'),
    {},
    'product-key',
    'error',
    /"ABCDE-12345" is not of the form/,
  ],
  [
    'IANA time zone',
    shell('specialize', '<TimeZone>Europe/Berlin</TimeZone>'),
    {},
    'time-zone',
    'warning',
    /is an IANA name, not a Windows time zone ID, so Windows does not set it; use "W. Europe Standard Time"/,
  ],
  [
    'unknown time zone',
    shell('specialize', '<TimeZone>Mars Standard Time</TimeZone>'),
    {},
    'time-zone',
    'warning',
    /not a Windows time zone ID/,
  ],
  [
    'computer name with underscore',
    shell('specialize', '<ComputerName>my_pc</ComputerName>'),
    {},
    'computer-name',
    'error',
    /"my_pc" may contain only letters/,
  ],
  [
    'user name with a slash',
    shell('oobeSystem', account('a/b')),
    {},
    'user-name',
    'error',
    /"a\/b" contains "\/"/,
  ],
  [
    'AutoLogon user name too long',
    shell('oobeSystem', `<AutoLogon><Username>${'u'.repeat(21)}</Username></AutoLogon>`),
    {},
    'user-name',
    'error',
    /longer than 20/,
  ],
  [
    'reserved account name',
    shell('oobeSystem', account('Guest')),
    {},
    'reserved-user-name',
    'error',
    /"Guest" is reserved/,
  ],
  [
    'no administrator',
    shell('oobeSystem', account('kid', 'Users')),
    {},
    'administrator-account',
    'error',
    /No LocalAccount is in the Administrators group/,
  ],
  [
    'password that does not decode',
    shell('oobeSystem', password('AdministratorPassword', 'not base64!')),
    {},
    'password-encoding',
    'error',
    /does not decode.*not base64 of UTF-16LE/,
  ],
  [
    'Password value in AdministratorPassword',
    shell('oobeSystem', password('AdministratorPassword', encodePassword('pw', 'Password'))),
    {},
    'password-encoding',
    'error',
    /encoded for <Password>; re-encode it for <AdministratorPassword>/,
  ],
  [
    'AdministratorPassword value in Password',
    shell(
      'oobeSystem',
      `<AutoLogon><Password><Value>${encodePassword('pw', 'AdministratorPassword')}</Value><PlainText>false</PlainText></Password></AutoLogon>`,
    ),
    {},
    'password-encoding',
    'warning',
    /ending in "Administrator"/,
  ],
  [
    'cached file with deleted passwords',
    shell('oobeSystem', password('AdministratorPassword', '*SENSITIVE*DATA*DELETED*')),
    {},
    'password-encoding',
    'error',
    /cached copy/,
  ],
  [
    'plain-text password',
    shell('oobeSystem', password('AdministratorPassword', 'pw', 'true')),
    {},
    'password-encoding',
    'info',
    /stored in plain text/,
  ],
  [
    'LogonCount 1 without a counter reset',
    shell(
      'oobeSystem',
      '<AutoLogon><Enabled>true</Enabled><LogonCount>1</LogonCount><Username>dev</Username></AutoLogon>',
    ),
    {},
    'autologon-count',
    'info',
    /LogonCount \+ 1 times/,
  ],
  [
    'AutoLogon of an account with an empty password',
    shell(
      'oobeSystem',
      '<AutoLogon><Enabled>true</Enabled><Username>dev</Username><Password><Value></Value><PlainText>true</PlainText></Password></AutoLogon>',
    ),
    {},
    'autologon-empty-password',
    'warning',
    /AutoLogon signs in "dev" with an empty password/,
  ],
  [
    'CreatePartition Orders with a gap',
    disk(
      [
        ['EFI', 100],
        ['MSR', 16],
        ['Primary', 'extend'],
      ],
      { order: [1, 3, 4] },
    ),
    {},
    'partition-order',
    'error',
    /Orders are 1, 3, 4; number them 1 to 3/,
  ],
  [
    'duplicate ModifyPartition Order',
    disk([['Primary', 'extend']], {
      modify:
        '<ModifyPartition wcm:action="add"><Order>1</Order><PartitionID>1</PartitionID></ModifyPartition><ModifyPartition wcm:action="add"><Order>1</Order><PartitionID>1</PartitionID></ModifyPartition>',
    }),
    { firmware: 'bios' },
    'partition-order',
    'error',
    /Order 1 appears twice/,
  ],
  [
    'Size and Extend together',
    disk([['Primary', 'extend']]).replace('<Extend>true</Extend>', '<Extend>true</Extend><Size>5</Size>'),
    {},
    'partition-size',
    'error',
    /both Size and Extend/,
  ],
  [
    'neither Size nor Extend',
    disk([['Primary', 'extend']]).replace('<Extend>true</Extend>', ''),
    {},
    'partition-size',
    'error',
    /neither Size nor Extend/,
  ],
  [
    'Extend before the last partition',
    disk(
      [
        ['Primary', 'extend'],
        ['Primary', 500],
      ],
      { installTo: [0, 1] },
    ),
    { firmware: 'bios' },
    'partition-size',
    'error',
    /not the last/,
  ],
  [
    'EFI on an MBR disk',
    disk([
      ['EFI', 100],
      ['Primary', 'extend'],
    ]),
    { firmware: 'bios' },
    'partition-type',
    'error',
    /EFI partition on an MBR \(BIOS\) disk/,
  ],
  [
    'GPT without MSR',
    disk([
      ['EFI', 100],
      ['Primary', 'extend'],
    ]),
    {},
    'partition-type',
    'error',
    /has no MSR partition/,
  ],
  [
    'UEFI disk without EFI and MSR',
    disk([['Primary', 'extend']]),
    { firmware: 'uefi' },
    'partition-type',
    'error',
    /has no (EFI|MSR) partition/,
    2,
  ],
  [
    'two Active partitions',
    disk(
      [
        ['Primary', 350],
        ['Primary', 'extend'],
      ],
      {
        modify:
          '<ModifyPartition wcm:action="add"><Active>true</Active><Order>1</Order><PartitionID>1</PartitionID></ModifyPartition><ModifyPartition wcm:action="add"><Active>true</Active><Order>2</Order><PartitionID>2</PartitionID></ModifyPartition>',
      },
    ),
    { firmware: 'bios' },
    'partition-type',
    'warning',
    /2 partitions are marked Active; .* keep Active on the System partition only/,
  ],
  [
    'Active on GPT',
    disk(
      [
        ['EFI', 100],
        ['MSR', 16],
        ['Primary', 'extend'],
      ],
      {
        modify:
          '<ModifyPartition wcm:action="add"><Active>true</Active><Order>1</Order><PartitionID>3</PartitionID></ModifyPartition>',
      },
    ),
    { firmware: 'uefi' },
    'partition-type',
    'warning',
    /MBR disks only/,
  ],
  [
    'ModifyPartition of a missing partition',
    disk([['Primary', 'extend']], {
      modify:
        '<ModifyPartition wcm:action="add"><Order>1</Order><PartitionID>2</PartitionID></ModifyPartition>',
    }),
    { firmware: 'bios' },
    'partition-reference',
    'error',
    /PartitionID 2 does not exist/,
  ],
  [
    'InstallTo a missing partition',
    disk(
      [
        ['EFI', 100],
        ['MSR', 16],
        ['Primary', 'extend'],
      ],
      { installTo: [0, 4] },
    ),
    {},
    'partition-reference',
    'error',
    /InstallTo PartitionID 4 does not exist; disk 0 gets 3 partitions/,
  ],
  [
    'InstallTo the MSR',
    disk(
      [
        ['EFI', 100],
        ['MSR', 16],
        ['Primary', 'extend'],
      ],
      { installTo: [0, 2] },
    ),
    {},
    'partition-reference',
    'error',
    /is the MSR partition/,
  ],
  [
    'InstallTo another disk',
    disk(
      [
        ['EFI', 100],
        ['MSR', 16],
        ['Primary', 'extend'],
      ],
      { installTo: [1, 3] },
    ),
    {},
    'partition-reference',
    'error',
    /DiskID 1 is not a Disk of DiskConfiguration/,
  ],
  [
    'InstallTo with InstallToAvailablePartition',
    disk([['Primary', 'extend']]).replace(
      '</InstallTo>',
      '</InstallTo><InstallToAvailablePartition>true</InstallToAvailablePartition>',
    ),
    { firmware: 'bios' },
    'partition-reference',
    'error',
    /exclude each other/,
  ],
  [
    'AcceptEula false, no InstallTo, no image',
    document({
      windowsPE: component(
        'Microsoft-Windows-Setup',
        `<UserData><AcceptEula>false</AcceptEula></UserData>${image()}`,
      ),
      oobeSystem: shellC(account('dev')),
    }),
    {},
    'unattended-install',
    'error',
    /On amd64 media Setup stops at (the license terms page; set UserData\/AcceptEula to true|"Where do you want to install Windows\?")/,
    2,
  ],
  [
    'no edition chosen',
    disk([['Primary', 'extend']]),
    {},
    'unattended-install',
    'warning',
    /stops at ("Select the operating system you want to install" on media with several editions|the first OOBE page)/,
    2,
  ],
  [
    'the only Setup component is for another architecture',
    document({
      windowsPE: component(
        'Microsoft-Windows-Setup',
        `<UserData><AcceptEula>true</AcceptEula></UserData>${image('<InstallTo><DiskID>0</DiskID><PartitionID>3</PartitionID></InstallTo>')}`,
        {
          processorArchitecture: 'arm64',
        },
      ),
      oobeSystem: shellC(account('dev')),
    }),
    {},
    'unattended-install',
    'error',
    /On amd64 media Setup stops at the license terms and disk pages|On arm64 media Setup stops at OOBE's account page/,
    2,
  ],
  [
    'windowsPE answers but no oobeSystem pass',
    document({
      windowsPE: component(
        'Microsoft-Windows-Setup',
        `<UserData><AcceptEula>true</AcceptEula></UserData>${image('<InstallTo><DiskID>0</DiskID><PartitionID>1</PartitionID></InstallTo>')}`,
      ),
    }),
    {},
    'unattended-install',
    'warning',
    /On amd64 media Setup stops at the first OOBE page after installing \(the file has no oobeSystem pass\)/,
  ],
  [
    'no account answers in oobeSystem',
    shell('oobeSystem', '<OOBE><HideEULAPage>true</HideEULAPage></OOBE>'),
    { arch: 'amd64' },
    'unattended-install',
    'error',
    /On amd64 media Setup stops at OOBE's account page/,
  ],
  [
    'deprecated OOBE settings',
    shell(
      'oobeSystem',
      '<OOBE><SkipMachineOOBE>true</SkipMachineOOBE><SkipUserOOBE>true</SkipUserOOBE><NetworkLocation>Work</NetworkLocation></OOBE>',
    ),
    {},
    'deprecated-setting',
    'warning',
    /is deprecated/,
    3,
  ],
];

describe('lint rules', () => {
  test.each(cases)('%s → %s', (_, xml, options, ruleId, severity, message, count = 1) => {
    const findings = lintAnswerFile(xml, options).filter((f) => f.ruleId === ruleId);
    expect(findings, JSON.stringify(lintAnswerFile(xml, options), null, 1)).toHaveLength(count);
    for (const finding of findings) {
      expect(finding.severity).toBe(severity);
      expect(finding.message).toMatch(message);
    }
  });

  test('every rule has at least one case above', () => {
    expect(new Set(cases.map(([, , , ruleId]) => ruleId))).toEqual(new Set(lintRules.map((r) => r.id)));
  });

  test.each([
    [
      'a password value that decodes',
      shell('oobeSystem', password('AdministratorPassword', encodePassword('pw', 'AdministratorPassword'))),
      'password-encoding',
    ],
    [
      'an empty plain-text password',
      shell(
        'oobeSystem',
        '<UserAccounts><AdministratorPassword><Value/><PlainText>false</PlainText></AdministratorPassword></UserAccounts>',
      ),
      'empty-value',
    ],
    [
      'LogonCount 1 with the counter reset',
      shell(
        'oobeSystem',
        `<AutoLogon><LogonCount>1</LogonCount></AutoLogon><FirstLogonCommands>${command('1', 'reg add "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon" /v AutoLogonCount /d 0 /f')}</FirstLogonCommands>`,
      ),
      'autologon-count',
    ],
    [
      'an administrator through a group list',
      shell('oobeSystem', account('dev', 'Users;Administrators')),
      'administrator-account',
    ],
    ['a long Setup (windowsPE) Path', setup(runSync('p'.repeat(300))), 'value-length'],
    ['a Windows time zone ID', shell('specialize', '<TimeZone>UTC</TimeZone>'), 'time-zone'],
  ])('no false alarm for %s', (_, xml, ruleId) => {
    expect(lintAnswerFile(xml).filter((f) => f.ruleId === ruleId && f.severity !== 'info')).toEqual([]);
  });
});
