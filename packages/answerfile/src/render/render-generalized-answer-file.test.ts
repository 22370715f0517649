import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePassword } from '@winguest/password-encoding';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, describe, expect, test } from 'vitest';
import { fullWindows11Spec } from '../__fixtures__/specs';
import {
  lintAnswerFile,
  parseAnswerFile,
  presets,
  renderGeneralizedAnswerFile,
  windowsFamilies,
} from '../index';
import { walk } from '../parse/model';

const tools = requireHostTools([{ command: 'xmllint', debian: 'libxml2-utils' }]);

function clonePreset(family: (typeof windowsFamilies)[number], arch: 'amd64' | 'arm64') {
  return presets[family]({
    user: { name: 'winguest', password: 'clone pässwörd' },
    arch,
    computerName: 'clone-7',
    firstLogonCommands: [
      'powershell.exe -NoProfile -ExecutionPolicy Bypass -File C:\\winguest\\first-logon.ps1',
    ],
  });
}

function textOf(xml: string, name: string): string[] {
  return [...walk(parseAnswerFile(xml).root)].filter((e) => e.name === name).map((e) => e.text ?? '');
}

describe('renderGeneralizedAnswerFile', () => {
  test('has the generalize, specialize and oobeSystem passes only: sysprep never runs windowsPE', () => {
    const model = parseAnswerFile(renderGeneralizedAnswerFile(fullWindows11Spec));
    expect(model.settings.map((s) => [s.pass, s.components.map((c) => c.name)])).toEqual([
      ['generalize', ['Microsoft-Windows-PnpSysprep', 'Microsoft-Windows-Security-SPP']],
      ['specialize', ['Microsoft-Windows-Deployment', 'Microsoft-Windows-Shell-Setup']],
      ['oobeSystem', ['Microsoft-Windows-International-Core', 'Microsoft-Windows-Shell-Setup']],
    ]);
  });

  test('keeps drivers and the licensing state by default, and can drop both', () => {
    const xml = renderGeneralizedAnswerFile(fullWindows11Spec);
    expect(textOf(xml, 'PersistAllDeviceInstalls')).toEqual(['true']);
    expect(textOf(xml, 'SkipRearm')).toEqual(['1']);
    const other = renderGeneralizedAnswerFile(fullWindows11Spec, {
      persistDeviceInstalls: false,
      skipRearm: false,
    });
    expect(textOf(other, 'PersistAllDeviceInstalls')).toEqual(['false']);
    expect(textOf(other, 'SkipRearm')).toEqual(['0']);
  });

  test('gives the clone its new identity: computer name, encoded password, OOBE skips, first logon', () => {
    const xml = renderGeneralizedAnswerFile(clonePreset('windows11', 'amd64'));
    expect(textOf(xml, 'ComputerName')).toEqual(['clone-7']);
    expect(xml).not.toContain('clone pässwörd');
    const [encoded] = textOf(xml, 'Value');
    expect(decodePassword(encoded ?? '', 'Password')).toBe('clone pässwörd');
    expect(textOf(xml, 'HideEULAPage')).toEqual(['true']);
    expect(textOf(xml, 'ProtectYourPC')).toEqual(['3']);
    expect(textOf(xml, 'CommandLine').at(-1)).toBe(
      'powershell.exe -NoProfile -ExecutionPolicy Bypass -File C:\\winguest\\first-logon.ps1',
    );
  });

  test.each(
    windowsFamilies.flatMap((family) => (['amd64', 'arm64'] as const).map((arch) => ({ family, arch }))),
  )('$family $arch lints with no findings at all', ({ family, arch }) => {
    const findings = lintAnswerFile(renderGeneralizedAnswerFile(clonePreset(family, arch)), { arch });
    expect(findings).toEqual([]);
  });

  describe.skipIf(!tools.available)('xmllint', () => {
    const dir = mkdtempSync(join(tmpdir(), 'answerfile-generalized-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    test('every family is well-formed for xmllint --noout', () => {
      const files = windowsFamilies.map((family) => {
        const file = join(dir, `${family}.xml`);
        writeFileSync(file, renderGeneralizedAnswerFile(clonePreset(family, 'amd64')));
        return file;
      });
      expect(execFileSync('xmllint', ['--noout', ...files], { encoding: 'utf8' })).toBe('');
    });
  });
});
