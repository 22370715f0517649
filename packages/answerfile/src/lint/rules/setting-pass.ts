import { componentTable } from '../component-table';
import type { LintRule } from '../lint-types';

const list = (passes: readonly string[]) => passes.join(', ');

export const settingPass: LintRule = {
  id: 'setting-pass',
  summary: 'Components and settings appear only in passes where Windows reads them.',
  check({ components, report }) {
    for (const c of components) {
      const entry = c.name === undefined ? undefined : componentTable[c.name];
      if (!entry || c.pass === undefined) continue;
      if (!entry.passes.includes(c.pass as never)) {
        report(
          c.element,
          'error',
          `${c.name} is not read in the ${c.pass} pass; move it to ${list(entry.passes)}.`,
        );
        continue;
      }
      for (const setting of c.element.children) {
        const passes = entry.settings?.[setting.name];
        if (passes && !passes.includes(c.pass as never)) {
          report(
            setting,
            'error',
            `${c.name}/${setting.name} is not read in the ${c.pass} pass; move it to ${list(passes)}.`,
          );
        }
      }
    }
  },
};

export const unknownComponent: LintRule = {
  id: 'unknown-component',
  summary: 'Components and settings outside winguest’s table are reported for a manual check.',
  check({ components, report }) {
    for (const c of components) {
      const entry = c.name === undefined ? undefined : componentTable[c.name];
      if (!entry) {
        report(
          c.element,
          'info',
          `winguest does not know in which passes ${c.name} is valid; check it against Microsoft's unattend reference.`,
        );
        continue;
      }
      for (const setting of c.element.children) {
        if (entry.settings && !(setting.name in entry.settings)) {
          report(
            setting,
            'info',
            `winguest does not know in which passes ${c.name}/${setting.name} is valid; check it against Microsoft's unattend reference.`,
          );
        }
      }
    }
  },
};
