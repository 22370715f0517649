import { childOf, walk, type XmlElement } from '../../parse/model';
import type { LintRule } from '../lint-types';
import { answerFilesPage, shellSetupPage } from '../references';
import { actionOf, integerOf, trimmed } from '../select';
import { referenceOf, settingsOfKnownComponents } from '../setup-table';

const actions = ['add', 'modify', 'remove'];

export const listItemAction: LintRule = {
  id: 'list-item-action',
  summary: 'Items of the lists the table knows carry wcm:action="add" (or modify/remove).',
  reference: answerFilesPage,
  check({ model, components, report }) {
    for (const element of walk(model.root)) {
      const action = actionOf(element);
      if (action !== undefined && !actions.includes(action)) {
        report(element, 'error', `<${element.name}> has wcm:action="${action}"; use add, modify or remove.`);
      }
    }
    for (const { component, path, element, setting, facts } of settingsOfKnownComponents(components)) {
      if (!setting?.list || actionOf(element) !== undefined) continue;
      report(
        element,
        'warning',
        `${component.name}/${path} is a list item without wcm:action; add wcm:action="add".`,
        referenceOf(facts, path),
      );
    }
  },
};

/** Lists whose items are ordered by an `Order` child, by container name. */
const orderedLists: Record<string, string> = {
  RunSynchronous: 'RunSynchronousCommand',
  RunAsynchronous: 'RunAsynchronousCommand',
  FirstLogonCommands: 'SynchronousCommand',
  LogonCommands: 'AsynchronousCommand',
};

function checkOrders(items: XmlElement[], report: (e: XmlElement, message: string) => void): void {
  const seen = new Set<number>();
  for (const item of items) {
    const element = childOf(item, 'Order');
    if ((trimmed(element) ?? '') === '') {
      report(element ?? item, `<${item.name}> has no Order; give each a unique Order from 1 to 500.`);
      continue;
    }
    // A value that is not a number from 1 to 500 is reported by setting-value, from the table.
    const order = integerOf(item, 'Order');
    if (order !== undefined && seen.has(order)) {
      report(
        element ?? item,
        `Order ${order} appears twice in <${item.name}>s of one list; Orders must be unique.`,
      );
    }
    if (order !== undefined) seen.add(order);
  }
}

export const commandOrder: LintRule = {
  id: 'command-order',
  summary: 'Every command of a list has an Order, unique within the list.',
  reference: shellSetupPage('FirstLogonCommands/SynchronousCommand/Order'),
  check({ model, report }) {
    for (const element of walk(model.root)) {
      const itemName = orderedLists[element.name];
      if (!itemName) continue;
      const items = element.children.filter((child) => child.name === itemName);
      checkOrders(items, (at, message) => report(at, 'error', message));
    }
  },
};
