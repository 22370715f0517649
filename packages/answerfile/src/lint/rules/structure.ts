import { unattendNamespace } from '../../namespaces';
import type { XmlElement } from '../../parse/model';
import type { LintRule } from '../lint-types';
import { answerFilesPage } from '../references';
import { walkWithParent } from '../select';

/** The element each structural element must sit in. */
const expectedParent: Record<string, string> = {
  settings: 'unattend',
  servicing: 'unattend',
  component: 'settings',
};
/** What the structural elements may hold directly. */
const allowedChildren: Record<string, string[]> = {
  unattend: ['settings', 'servicing'],
  settings: ['component'],
};

function problem(element: XmlElement, parent: XmlElement, root: XmlElement): string | undefined {
  const expected = expectedParent[element.name];
  if (expected !== undefined && parent.name !== expected)
    return `<${element.name}> is inside <${parent.name}>, not <${expected}>`;
  const allowed = allowedChildren[parent.name];
  const structural = parent === root || parent.name === 'settings';
  if (allowed && structural && !allowed.includes(element.name))
    return `<${element.name}> sits directly in <${parent.name}>, which holds only <${allowed.join('> and <')}>`;
  return undefined;
}

export const structure: LintRule = {
  id: 'structure',
  summary: 'Passes sit in <unattend>, components in <settings>, and nothing else sits at those two levels.',
  reference: answerFilesPage,
  check({ model, report }) {
    const { root } = model;
    if (root.name !== 'unattend' || root.namespace !== unattendNamespace) return;
    for (const [element, parent] of walkWithParent(root)) {
      if (element.namespace !== unattendNamespace || parent.namespace !== unattendNamespace) continue;
      const found = problem(element, parent, root);
      if (found) {
        report(
          element,
          'error',
          `${found}: Setup cannot process the answer file ("could not parse or process the unattend answer file"). Move it to its place.`,
        );
      }
    }
  },
};
