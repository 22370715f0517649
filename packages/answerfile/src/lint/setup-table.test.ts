import { describe, expect, test } from 'vitest';
import {
  formatComponent,
  normaliseComponent,
  readComponentFiles,
  renderSetupTableModule,
} from '../../scripts/setup-table';
import { passes } from '../namespaces';
import { setupTable } from './setup-table.generated';

const directory = new URL('../../setup-table/', import.meta.url);
const files = readComponentFiles(directory);

describe('the table of Setup knowledge (setup-table/*.json)', () => {
  test('each file is normalised (run `pnpm setup-table` after editing one)', () => {
    for (const { name, text, file } of files) {
      expect(text, name).toBe(formatComponent(file));
      expect(name).toBe(`${file.component.toLowerCase()}.json`);
    }
  });

  test('the generated module matches the files (regenerate with `pnpm setup-table` or vitest -u)', async () => {
    await expect(renderSetupTableModule(files.map(({ file }) => file))).toMatchFileSnapshot(
      './setup-table.generated.ts',
    );
  });

  test('covers the components public answer files use', () => {
    expect(Object.keys(setupTable)).toEqual(
      expect.arrayContaining([
        'Microsoft-Windows-Setup',
        'Microsoft-Windows-Shell-Setup',
        'Microsoft-Windows-International-Core',
        'Microsoft-Windows-International-Core-WinPE',
        'Microsoft-Windows-Deployment',
        'Microsoft-Windows-PnpCustomizationsWinPE',
        'Microsoft-Windows-PnpCustomizationsNonWinPE',
        'Microsoft-Windows-UnattendedJoin',
        'Microsoft-Windows-TCPIP',
        'Microsoft-Windows-DNS-Client',
        'Microsoft-Windows-TerminalServices-LocalSessionManager',
        'Microsoft-Windows-TerminalServices-RDP-WinStationExtensions',
        'Microsoft-Windows-LUA-Settings',
        'Microsoft-Windows-Security-SPP',
        'Microsoft-Windows-Security-SPP-UX',
        'Microsoft-Windows-SQMApi',
        'Microsoft-Windows-IE-ESC',
        'Microsoft-Windows-IE-InternetExplorer',
        'Microsoft-Windows-OutOfBoxExperience',
        'Microsoft-Windows-ErrorReportingCore',
      ]),
    );
  });

  test('every component and top-level setting cites a page of the unattend reference', () => {
    const page =
      /^https:\/\/learn\.microsoft\.com\/en-us\/windows-hardware\/customize\/desktop\/unattend\/[a-z0-9-]+$/;
    for (const [name, facts] of Object.entries(setupTable)) {
      expect(facts.reference, name).toMatch(page);
      for (const [path, setting] of Object.entries(facts.settings)) {
        if (!path.includes('/')) expect(setting.reference, `${name}/${path}`).toMatch(page);
      }
    }
  });

  test('a setting’s passes lie within its component’s; values fit their type', () => {
    for (const [name, facts] of Object.entries(setupTable)) {
      expect(
        facts.passes.every((p) => passes.includes(p)),
        name,
      ).toBe(true);
      for (const [path, setting] of Object.entries(facts.settings)) {
        for (const pass of setting.passes ?? []) expect(facts.passes, `${name}/${path}`).toContain(pass);
        if (setting.values || setting.min !== undefined)
          expect(setting.type, `${name}/${path}`).toBeDefined();
      }
    }
  });

  test('the script rejects a setting whose parent is not listed, and unknown keys', () => {
    const base = { component: 'X', reference: 'https://learn.microsoft.com/x', passes: ['specialize'] };
    expect(() => normaliseComponent({ ...base, settings: { 'A/B': { type: 'string' } } })).toThrow(
      /A\/B has no parent A/,
    );
    expect(() => normaliseComponent({ ...base, settings: { A: { kind: 'string' } } })).toThrow(/kind/);
  });
});
