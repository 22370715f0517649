import { wcmNamespace } from '../namespaces';
import { attributeOf, childOf, childrenOf, type XmlElement } from '../parse/model';
import type { LintContext, PlacedComponent } from './lint-types';

/** Components with a given name, optionally only in some passes. */
export function componentsNamed(
  context: LintContext,
  name: string,
  passes?: readonly string[],
): PlacedComponent[] {
  return context.components.filter(
    (c) => c.name === name && (passes === undefined || (c.pass !== undefined && passes.includes(c.pass))),
  );
}

/** The elements reached by following `names` from each of `roots`, fanning out over repeats. */
export function select(roots: readonly XmlElement[], ...names: string[]): XmlElement[] {
  let current = [...roots];
  for (const name of names) current = current.flatMap((element) => childrenOf(element, name));
  return current;
}

/** The component names most rules look into. */
export const shellSetup = 'Microsoft-Windows-Shell-Setup';
export const windowsSetup = 'Microsoft-Windows-Setup';

/** The elements reached by `path` inside every component called `name`. */
export function settingsIn(context: LintContext, name: string, ...path: string[]): XmlElement[] {
  return select(elementsOf(componentsNamed(context, name)), ...path);
}

/** Component elements for `select`. */
export function elementsOf(components: readonly PlacedComponent[]): XmlElement[] {
  return components.map((c) => c.element);
}

/** The text of a value element, trimmed (for numbers, booleans, enumerations). */
export function trimmed(element: XmlElement | undefined): string | undefined {
  return element?.text.trim();
}

/** Whether a child holds `true` (Windows reads booleans case-insensitively). */
export function isTrue(element: XmlElement, child: string): boolean {
  return trimmed(childOf(element, child))?.toLowerCase() === 'true';
}

/** A child's value as a non-negative integer; undefined when missing or not a number. */
export function integerOf(element: XmlElement, child: string): number | undefined {
  const text = trimmed(childOf(element, child));
  return text !== undefined && /^[0-9]+$/.test(text) ? Number(text) : undefined;
}

/** The `wcm:action` of a list item. */
export function actionOf(element: XmlElement): string | undefined {
  return attributeOf(element, 'action', wcmNamespace);
}

const pairs = new WeakMap<XmlElement, readonly [XmlElement, XmlElement][]>();

/** Every element below `element` with its parent, in document order (computed once per tree). */
export function walkWithParent(element: XmlElement): readonly [XmlElement, XmlElement][] {
  let found = pairs.get(element);
  if (!found) {
    const list: [XmlElement, XmlElement][] = [];
    const visit = (parent: XmlElement): void => {
      for (const child of parent.children) {
        list.push([child, parent]);
        visit(child);
      }
    };
    visit(element);
    found = list;
    pairs.set(element, found);
  }
  return found;
}

/** The install a component architecture belongs to: wow64 components configure 32-bit programs of an amd64 install. */
export function installArchitecture(arch: string | undefined): string | undefined {
  return arch === 'wow64' ? 'amd64' : arch;
}

/**
 * The architectures a file installs: those of its components, wow64 not counted on its own (a stray
 * wow64 component in an x86 file is skipped by Setup, it does not make another install).
 */
export function installArchitectures(
  components: readonly { processorArchitecture: string | undefined }[],
): string[] {
  const found = new Set<string>();
  for (const { processorArchitecture: arch } of components) {
    if (arch !== undefined && arch !== 'wow64') found.add(arch);
  }
  return [...found];
}
