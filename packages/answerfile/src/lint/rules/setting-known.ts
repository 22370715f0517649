import type { LintRule } from '../lint-types';
import { componentsWithSetting, referenceOf, settingsOfKnownComponents } from '../setup-table';

export const unknownSetting: LintRule = {
  id: 'unknown-setting',
  summary: 'Every setting of a known component exists in that component (Setup stops on one that does not).',
  reference:
    'https://learn.microsoft.com/en-us/windows-hardware/customize/desktop/unattend/components-b-unattend',
  check({ components, report }) {
    for (const { component, facts, path, element, setting, parentOpen } of settingsOfKnownComponents(
      components,
    )) {
      if (setting || parentOpen) continue;
      const elsewhere = path.includes('/') ? [] : componentsWithSetting(path);
      const hint =
        elsewhere.length > 0
          ? `; ${path} belongs to ${elsewhere.join(' or ')}`
          : '; remove it or check its spelling (names are case-sensitive)';
      report(
        element,
        'error',
        `${component.name} has no setting ${path}: Setup stops with "could not parse or process the unattend answer file" in the ${component.pass ?? ''} pass${hint}.`,
        referenceOf(facts, path),
      );
    }
  },
};
