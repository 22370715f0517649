import { describe, expect, test } from 'vitest';
import { presets, resolveAnswerFileSpec, windowsFamilies } from '../index';

const user = { name: 'winguest', password: 'pw' };

describe('presets', () => {
  test.each(windowsFamilies)('%s returns a spec (data, not XML) that validates', (family) => {
    const spec = presets[family]({ user });
    expect(typeof spec).toBe('object');
    const resolved = resolveAnswerFileSpec(spec);
    expect(resolved.target.family).toBe(family);
    expect(resolved.identity.accounts).toEqual([{ ...user, group: 'Administrators' }]);
    expect(resolved.identity.autoLogon).toEqual({ username: 'winguest', password: 'pw', count: 1 });
  });

  test.each([
    ['windows10', 'Windows 10 Pro', false, true, false],
    ['windows11', 'Windows 11 Pro', true, true, false],
    ['server2022', 'Windows Server 2022 SERVERSTANDARD', false, false, true],
    ['server2025', 'Windows Server 2025 SERVERSTANDARD', false, false, true],
  ] as const)(
    '%s: image %s, hardware bypass %s, BypassNRO %s, HideLocalAccountScreen %s',
    (family, image, bypass, nro, hideLocal) => {
      const resolved = resolveAnswerFileSpec(presets[family]({ user }));
      expect(resolved.edition.value).toBe(image);
      expect(resolved.bypassHardwareChecks).toBe(bypass);
      expect(resolved.oobe).toEqual({ bypassNetworkRequirement: nro, hideLocalAccountScreen: hideLocal });
    },
  );

  test('passes the options through, the provisioning launcher as a first-logon command', () => {
    const spec = presets.windows11({
      user,
      arch: 'arm64',
      firmware: 'uefi',
      computerName: 'dev-vm',
      timeZone: 'Europe/Paris',
      uiLanguage: 'fr-FR',
      edition: 'Windows 11 Pro N',
      productKey: 'VK7JG-NPHTM-C97JM-9MPGT-3V66T',
      firstLogonCommands: ['powershell.exe -File E:\\launch.ps1'],
    });
    const resolved = resolveAnswerFileSpec(spec);
    expect(resolved.target).toEqual({ arch: 'arm64', firmware: 'uefi', family: 'windows11' });
    expect(resolved.identity.computerName).toBe('dev-vm');
    expect(resolved.locale).toMatchObject({ uiLanguage: 'fr-FR', timeZone: 'Romance Standard Time' });
    expect(resolved.edition).toEqual({
      key: '/IMAGE/NAME',
      value: 'Windows 11 Pro N',
      productKey: 'VK7JG-NPHTM-C97JM-9MPGT-3V66T',
    });
    expect(resolved.commands.firstLogon).toEqual([{ command: 'powershell.exe -File E:\\launch.ps1' }]);
  });
});
