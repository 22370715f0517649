import { decodePassword } from '@winguest/password-encoding';
import { describe, expect, test } from 'vitest';
import { fullWindows11Spec, minimalSpec } from '../__fixtures__/specs';
import { type AnswerFileSpec, parseAnswerFile, renderAnswerFile, type XmlElement } from '../index';
import { attributeOf, childOf, walk } from '../parse/model';

function render(spec: AnswerFileSpec) {
  const xml = renderAnswerFile(spec);
  return { xml, model: parseAnswerFile(xml) };
}

/** Text of the first element whose path ends with `suffix`. */
function textAt(root: XmlElement, suffix: string): string | undefined {
  return [...walk(root)].find((e) => e.path.endsWith(suffix))?.text;
}

function all(root: XmlElement, name: string): XmlElement[] {
  return [...walk(root)].filter((e) => e.name === name);
}

describe('renderAnswerFile', () => {
  test('the full Windows 11 spec renders the reviewed document', async () => {
    await expect(renderAnswerFile(fullWindows11Spec)).toMatchFileSnapshot(
      '__snapshots__/full-windows11-uefi.xml',
    );
  });

  test('a minimal BIOS spec renders the reviewed document', async () => {
    const spec = { ...minimalSpec, target: { firmware: 'bios', family: 'server2022' } } as const;
    await expect(renderAnswerFile(spec)).toMatchFileSnapshot('__snapshots__/minimal-server2022-bios.xml');
  });

  test('is deterministic: equal specs, written in any key order, give identical bytes', () => {
    const reordered = Object.fromEntries(Object.entries(fullWindows11Spec).reverse()) as AnswerFileSpec;
    expect(renderAnswerFile(fullWindows11Spec)).toBe(renderAnswerFile(structuredClone(fullWindows11Spec)));
    expect(renderAnswerFile(reordered)).toBe(renderAnswerFile(fullWindows11Spec));
  });

  test('declares the namespaces once, on the root', () => {
    const { xml } = render(fullWindows11Spec);
    expect(xml.match(/xmlns:wcm=/g)).toHaveLength(1);
    expect(xml.match(/xmlns=/g)).toHaveLength(1);
    expect(xml).toMatch(
      /^<\?xml version="1\.0" encoding="utf-8"\?>\n<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm=/,
    );
  });

  test('writes passes and components in a fixed order', () => {
    const { model } = render(fullWindows11Spec);
    expect(model.settings.map((s) => [s.pass, s.components.map((c) => c.name)])).toEqual([
      [
        'windowsPE',
        [
          'Microsoft-Windows-International-Core-WinPE',
          'Microsoft-Windows-PnpCustomizationsWinPE',
          'Microsoft-Windows-Setup',
        ],
      ],
      ['specialize', ['Microsoft-Windows-Deployment', 'Microsoft-Windows-Shell-Setup']],
      ['oobeSystem', ['Microsoft-Windows-International-Core', 'Microsoft-Windows-Shell-Setup']],
    ]);
  });

  test('writes every component for the target architecture', () => {
    const { model } = render({ ...minimalSpec, target: { arch: 'arm64' } });
    const arches = model.settings.flatMap((s) => s.components.map((c) => c.processorArchitecture));
    expect(new Set(arches)).toEqual(new Set(['arm64']));
  });
});

describe('edition and product key', () => {
  test('without a key: ProductKey holds only WillShowUI OnError, never an empty <Key/>', () => {
    const { model, xml } = render(minimalSpec);
    expect(xml).not.toMatch(/<Key\s*\/>|<Key><\/Key>/);
    const productKey = [...walk(model.root)].find((e) => e.name === 'ProductKey');
    expect(productKey?.children.map((c) => [c.name, c.text])).toEqual([['WillShowUI', 'OnError']]);
  });

  test('with a key: the key is written upper-case', () => {
    expect(textAt(render(fullWindows11Spec).model.root, 'ProductKey/Key')).toBe(
      'NPPR9-FWDCX-D2C8J-H872K-2YT43',
    );
  });

  test.each([
    [{}, '/IMAGE/NAME', 'Windows 11 Pro'],
    [{ name: 'Windows 11 Education' }, '/IMAGE/NAME', 'Windows 11 Education'],
    [{ index: 6 }, '/IMAGE/INDEX', '6'],
    [{ description: 'Windows 11 Pro N' }, '/IMAGE/DESCRIPTION', 'Windows 11 Pro N'],
  ])('edition %j selects %s = %s', (edition, key, value) => {
    const { model } = render({ ...minimalSpec, edition });
    expect(textAt(model.root, 'MetaData/Key')).toBe(key);
    expect(textAt(model.root, 'MetaData/Value')).toBe(value);
  });
});

describe('accounts and passwords', () => {
  test('every password is written PlainText=false and decodes to the input for its element', () => {
    const { model } = render(fullWindows11Spec);
    const passwords = all(model.root, 'Password').concat(all(model.root, 'AdministratorPassword'));
    const decoded = passwords.map((p) => {
      expect(childOf(p, 'PlainText')?.text).toBe('false');
      return decodePassword(childOf(p, 'Value')?.text ?? '', p.name as 'Password');
    });
    // AutoLogon, the two LocalAccounts, then the built-in Administrator.
    expect(decoded).toEqual(['correct horse', 'correct horse', '', 'S3cret!']);
  });

  test.each([
    [1, '1', true],
    [2, '1', false],
    [5, '4', false],
  ])('AutoLogon count %i writes LogonCount %s (reset command first: %s)', (count, logonCount, reset) => {
    const spec = { identity: { accounts: [{ name: 'dev', password: 'pw' }], autoLogon: { count } } };
    const { model } = render(spec);
    expect(textAt(model.root, 'AutoLogon/LogonCount')).toBe(logonCount);
    expect(textAt(model.root, 'AutoLogon/Username')).toBe('dev');
    const first = textAt(model.root, 'SynchronousCommand/CommandLine') ?? '';
    expect(/AutoLogonCount \/t REG_DWORD \/d 0/.test(first)).toBe(reset);
  });
});

describe('commands', () => {
  test('orders run 1..n per list, winguest’s own commands first, the caller’s in the order given', () => {
    const { model } = render(fullWindows11Spec);
    const lists = all(model.root, 'RunSynchronous').concat(all(model.root, 'FirstLogonCommands'));
    const summary = lists.map((list) =>
      list.children.map((item) => [
        childOf(item, 'Order')?.text,
        (childOf(item, 'Path') ?? childOf(item, 'CommandLine'))?.text,
      ]),
    );
    expect(summary).toEqual([
      [
        ['1', 'cmd.exe /c echo WINGUEST windowsPE start>COM1'],
        ['2', 'reg.exe add "HKLM\\SYSTEM\\Setup\\LabConfig" /v BypassTPMCheck /t REG_DWORD /d 1 /f'],
        ['3', 'reg.exe add "HKLM\\SYSTEM\\Setup\\LabConfig" /v BypassSecureBootCheck /t REG_DWORD /d 1 /f'],
        ['4', 'reg.exe add "HKLM\\SYSTEM\\Setup\\LabConfig" /v BypassRAMCheck /t REG_DWORD /d 1 /f'],
        ['5', 'reg.exe add "HKLM\\SYSTEM\\Setup\\LabConfig" /v BypassCPUCheck /t REG_DWORD /d 1 /f'],
        ['6', 'reg.exe add "HKLM\\SYSTEM\\Setup\\LabConfig" /v BypassStorageCheck /t REG_DWORD /d 1 /f'],
        ['7', 'cmd.exe /c echo winpe'],
      ],
      [
        ['1', 'cmd.exe /c echo WINGUEST specialize start>COM1'],
        [
          '2',
          'reg.exe add "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\OOBE" /v BypassNRO /t REG_DWORD /d 1 /f',
        ],
        ['3', 'cmd.exe /c echo specialize'],
      ],
      [
        [
          '1',
          'reg.exe add "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon" /v AutoLogonCount /t REG_DWORD /d 0 /f',
        ],
        ['2', 'powershell.exe -NoProfile -File E:\\provision.ps1'],
      ],
    ]);
  });

  test.each([
    ['windows11', undefined, 5],
    ['windows11', false, 0],
    ['windows10', true, 0],
    ['server2025', undefined, 0],
  ] as const)(
    '%s with bypassHardwareChecks %s writes %i LabConfig commands',
    (family, bypassHardwareChecks, count) => {
      const { xml } = render({ ...minimalSpec, target: { family }, bypassHardwareChecks });
      expect(xml.match(/LabConfig/g) ?? []).toHaveLength(count);
    },
  );

  test('without commands, options or drivers no empty lists or components are written', () => {
    const { model } = render({ ...minimalSpec, bypassHardwareChecks: false, disableDynamicUpdate: false });
    const names = [...walk(model.root)].map((e) => e.name);
    for (const absent of [
      'RunSynchronous',
      'FirstLogonCommands',
      'DynamicUpdate',
      'DriverPaths',
      'AutoLogon',
    ]) {
      expect(names).not.toContain(absent);
    }
    expect(model.settings.flatMap((s) => s.components.map((c) => c.name))).not.toContain(
      'Microsoft-Windows-Deployment',
    );
  });

  test('driver paths are keyed 1..n with wcm:keyValue', () => {
    const { model } = render({ ...minimalSpec, driverPaths: ['D:\\a', 'E:\\b'] });
    const items = all(model.root, 'PathAndCredentials');
    expect(
      items.map((i) => [
        attributeOf(i, 'keyValue', 'http://schemas.microsoft.com/WMIConfig/2002/State'),
        i.children[0]?.text,
      ]),
    ).toEqual([
      ['1', 'D:\\a'],
      ['2', 'E:\\b'],
    ]);
  });
});

describe('locale, OOBE, Dynamic Update', () => {
  test.each([
    ['Europe/Berlin', 'W. Europe Standard Time'],
    ['Asia/Kolkata', 'India Standard Time'],
    ['Tokyo Standard Time', 'Tokyo Standard Time'],
    [undefined, 'UTC'],
  ])('time zone %s is written as %s', (timeZone, windowsId) => {
    expect(textAt(render({ ...minimalSpec, locale: { timeZone } }).model.root, 'TimeZone')).toBe(windowsId);
  });

  test('locales default to the UI language; input locales are joined with ";"', () => {
    const { model } = render({
      ...minimalSpec,
      locale: { uiLanguage: 'fr-FR', inputLocales: ['fr-FR', 'en-US'] },
    });
    expect(textAt(model.root, 'SetupUILanguage/UILanguage')).toBe('fr-FR');
    expect(all(model.root, 'InputLocale').map((e) => e.text)).toEqual(['fr-FR;en-US', 'fr-FR;en-US']);
    expect(all(model.root, 'UserLocale').map((e) => e.text)).toEqual(['fr-FR', 'fr-FR']);
  });

  test('OOBE skips every screen; HideLocalAccountScreen only for servers', () => {
    const client = render(minimalSpec).model.root;
    const server = render({ ...minimalSpec, target: { family: 'server2022' } }).model.root;
    const oobe = (root: XmlElement) => all(root, 'OOBE')[0]?.children.map((c) => `${c.name}=${c.text}`);
    expect(oobe(client)).toEqual([
      'HideEULAPage=true',
      'HideOEMRegistrationScreen=true',
      'HideOnlineAccountScreens=true',
      'HideWirelessSetupInOOBE=true',
      'ProtectYourPC=3',
    ]);
    expect(oobe(server)).toContain('HideLocalAccountScreen=true');
  });

  test('Dynamic Update is off by default', () => {
    const dynamicUpdate = all(render(minimalSpec).model.root, 'DynamicUpdate')[0];
    expect(dynamicUpdate?.children.map((c) => `${c.name}=${c.text}`)).toEqual([
      'Enable=false',
      'WillShowUI=OnError',
    ]);
  });
});
