import type { XmlElement } from '../parse/model';
import type { PlacedComponent } from './lint-types';
import { setupTable } from './setup-table.generated';
import type { ComponentFacts, SettingFacts } from './setup-table-types';

const byLowerCaseName = new Map(
  Object.entries(setupTable).map(([name, facts]) => [name.toLowerCase(), facts]),
);

/**
 * What the table says about a component, or undefined when it is not in the table. Names compare
 * case-insensitively: working answer files write e.g. Microsoft-Windows-PnPSysprep.
 */
export function componentFacts(name: string | undefined): ComponentFacts | undefined {
  return name === undefined ? undefined : byLowerCaseName.get(name.toLowerCase());
}

/** One element below a known component, with its setting path and what the table says about it. */
export interface PlacedSetting {
  component: PlacedComponent & { name: string };
  facts: ComponentFacts;
  element: XmlElement;
  /** Path below the component, e.g. `UserData/ProductKey/Key`. */
  path: string;
  /** The table's entry; undefined when the component has no such setting. */
  setting: SettingFacts | undefined;
  /** Whether the table lists only some children of the parent (an unknown child is not reported). */
  parentOpen: boolean;
}

const parents = new WeakMap<ComponentFacts, Set<string>>();

/** Setting paths that have listed children. */
function listedParents(facts: ComponentFacts): Set<string> {
  let set = parents.get(facts);
  if (!set) {
    set = new Set(
      Object.keys(facts.settings).map((path) => path.slice(0, Math.max(0, path.lastIndexOf('/')))),
    );
    parents.set(facts, set);
  }
  return set;
}

const placed = new WeakMap<readonly PlacedComponent[], readonly PlacedSetting[]>();

/**
 * Every setting element of the components the table knows, in document order; an element the
 * component does not have is listed (with `setting` undefined) but not descended into. Computed once
 * per lint run and shared by the rules.
 */
export function settingsOfKnownComponents(components: readonly PlacedComponent[]): readonly PlacedSetting[] {
  let found = placed.get(components);
  if (!found) {
    const list: PlacedSetting[] = [];
    for (const component of components) {
      const facts = componentFacts(component.name);
      if (!facts || component.name === undefined) continue;
      const named = component as PlacedComponent & { name: string };
      collectSettings(list, named, facts, component.element, '', facts.open === true);
    }
    found = list;
    placed.set(components, found);
  }
  return found;
}

function collectSettings(
  into: PlacedSetting[],
  component: PlacedSetting['component'],
  facts: ComponentFacts,
  parent: XmlElement,
  parentPath: string,
  parentOpen: boolean,
): void {
  for (const element of parent.children) {
    const path = parentPath ? `${parentPath}/${element.name}` : element.name;
    const setting = Object.hasOwn(facts.settings, path) ? facts.settings[path] : undefined;
    into.push({ component, facts, element, path, setting, parentOpen });
    if (!setting || element.children.length === 0) continue;
    const open = setting.open === true || setting.type !== undefined || !listedParents(facts).has(path);
    collectSettings(into, component, facts, element, path, open);
  }
}

/** The passes a setting is read in: its own, its nearest listed parent's, or the component's. */
export function passesOf(facts: ComponentFacts, path: string): ComponentFacts['passes'] {
  for (let p = path; p; p = p.slice(0, Math.max(0, p.lastIndexOf('/')))) {
    const passes = facts.settings[p]?.passes;
    if (passes) return passes;
  }
  return facts.passes;
}

/** The reference page of a setting: its top-level setting's page, or the component's. */
export function referenceOf(facts: ComponentFacts, path: string): string {
  const top = path.split('/')[0] ?? '';
  return facts.settings[top]?.reference ?? facts.reference;
}

/** Components of the table that have a top-level setting called `name`. */
export function componentsWithSetting(name: string): string[] {
  return Object.entries(setupTable)
    .filter(([, facts]) => Object.hasOwn(facts.settings, name))
    .map(([component]) => component);
}
