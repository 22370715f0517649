import type { LintRule } from '../lint-types';
import { referenceOf, settingsOfKnownComponents } from '../setup-table';
import type { SettingFacts } from '../setup-table-types';

/** What is wrong with `text` as a value of `setting`, or undefined when Setup accepts it. */
function valueProblem(setting: SettingFacts, text: string): string | undefined {
  if (setting.type === 'boolean' && !/^(true|false)$/i.test(text)) return 'is not true or false';
  if (setting.type === 'integer') {
    if (!/^-?[0-9]+$/.test(text)) return 'is not a whole number';
    const value = Number(text);
    if (setting.min !== undefined && value < setting.min) return `is below ${setting.min}`;
    if (setting.max !== undefined && value > setting.max) return `is above ${setting.max}`;
  }
  const values = setting.values;
  if (values && !values.some((v) => v.toLowerCase() === text.toLowerCase())) {
    return `is not one of ${values.join(', ')}`;
  }
  return undefined;
}

export const settingValue: LintRule = {
  id: 'setting-value',
  summary: 'Booleans, numbers and enumerations hold a value their setting accepts.',
  reference:
    'https://learn.microsoft.com/en-us/windows-hardware/customize/desktop/unattend/components-b-unattend',
  check({ components, report }) {
    for (const { component, facts, path, element, setting } of settingsOfKnownComponents(components)) {
      if (!setting?.type || element.children.length > 0) continue;
      const text = element.text.trim();
      if (text === '') continue;
      const problem = valueProblem(setting, text);
      if (!problem) continue;
      report(
        element,
        'error',
        `${component.name}/${path} is ${JSON.stringify(text)}, which ${problem}: Setup stops with "could not parse or process the unattend answer file".`,
        referenceOf(facts, path),
      );
    }
  },
};

export const deprecatedSetting: LintRule = {
  id: 'deprecated-setting',
  summary: 'Settings the reference marks as deprecated (SkipMachineOOBE, SkipUserOOBE, NetworkLocation…).',
  reference:
    'https://learn.microsoft.com/en-us/windows-hardware/customize/desktop/unattend/microsoft-windows-shell-setup-oobe',
  check({ components, report }) {
    for (const { component, facts, path, element, setting } of settingsOfKnownComponents(components)) {
      if (!setting?.deprecated) continue;
      report(
        element,
        'warning',
        `${component.name}/${path} is deprecated; ${setting.deprecated}.`,
        referenceOf(facts, path),
      );
    }
  },
};
