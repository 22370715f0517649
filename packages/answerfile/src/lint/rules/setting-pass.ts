import { type Pass, passes } from '../../namespaces';
import type { LintRule } from '../lint-types';
import { componentsPage, passesPage } from '../references';
import { componentFacts, passesOf, referenceOf, settingsOfKnownComponents } from '../setup-table';

const list = (items: readonly string[]) => items.join(', ');
const isPass = (pass: string | undefined) =>
  pass !== undefined && (passes as readonly string[]).includes(pass);

export const settingPass: LintRule = {
  id: 'setting-pass',
  summary: 'Components and settings are in a pass where Setup reads them (elsewhere Setup ignores them).',
  reference: passesPage,
  check({ components, report }) {
    const misplaced = new Set<unknown>();
    for (const c of components) {
      const facts = componentFacts(c.name);
      if (!facts || !isPass(c.pass) || facts.passes.includes(c.pass as never)) continue;
      misplaced.add(c);
      report(
        c.element,
        'warning',
        `Setup does not read ${c.name} in the ${c.pass} pass and ignores it there; its passes are ${list(facts.passes)}.`,
        facts.reference,
      );
    }
    for (const { component, facts, path, element, setting } of settingsOfKnownComponents(components)) {
      if (!setting?.passes || misplaced.has(component) || !isPass(component.pass)) continue;
      const pass = component.pass as Pass;
      const parent = path.slice(0, Math.max(0, path.lastIndexOf('/')));
      // Only the outermost misplaced setting is reported; what it holds is ignored with it.
      if (setting.passes.includes(pass) || !passesOf(facts, parent).includes(pass)) continue;
      report(
        element,
        'warning',
        `Setup does not read ${component.name}/${path} in the ${pass} pass and ignores it there; its passes are ${list(setting.passes)}.`,
        referenceOf(facts, path),
      );
    }
  },
};

export const unknownComponent: LintRule = {
  id: 'unknown-component',
  summary: 'Components outside winguest’s table are reported for a manual check.',
  reference: componentsPage,
  check({ components, report }) {
    for (const c of components) {
      if (c.name === undefined || componentFacts(c.name)) continue;
      report(
        c.element,
        'info',
        `winguest's table does not cover ${c.name}; check its settings and passes against Microsoft's unattend reference.`,
      );
    }
  },
};
