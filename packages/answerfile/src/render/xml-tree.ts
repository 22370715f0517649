import { create } from 'xmlbuilder2';
import { unattendNamespace, wcmNamespace } from '../namespaces';

/** An element to write: plain data, serialised in one place. */
export interface XmlTree {
  name: string;
  /** Plain (unprefixed) attributes, written in the order given. */
  attributes?: Readonly<Record<string, string>>;
  /** A list item: written with `wcm:action="add"` (and `wcm:keyValue` when given). */
  listItem?: { keyValue?: string };
  children?: readonly XmlTree[];
  /** Text content; written exactly, never re-wrapped or indented. */
  text?: string;
}

/** An element holding other elements; undefined children are dropped. */
export function element(name: string, ...children: (XmlTree | undefined)[]): XmlTree {
  return { name, children: children.filter((child): child is XmlTree => child !== undefined) };
}

/** An element holding text. */
export function value(name: string, text: string | number | boolean): XmlTree {
  return { name, text: String(text) };
}

/** A list item (`wcm:action="add"`) holding other elements. */
export function listItem(name: string, children: (XmlTree | undefined)[], keyValue?: string): XmlTree {
  return { ...element(name, ...children), listItem: keyValue === undefined ? {} : { keyValue } };
}

type XMLBuilder = ReturnType<typeof create>;

/**
 * xmlbuilder2 escapes "<" and ">" but leaves an "&" alone when it starts something that looks like
 * an entity ("&amp;", "&foo;", "&#0;"), which would turn user text into markup. Escaping every "&"
 * first makes each one an "&amp;", which it then keeps as is.
 */
function escapeAmpersands(text: string): string {
  return text.replaceAll('&', '&amp;');
}

function append(parent: XMLBuilder, tree: XmlTree): void {
  const node = parent.ele(unattendNamespace, tree.name);
  if (tree.listItem) {
    node.att(wcmNamespace, 'wcm:action', 'add');
    if (tree.listItem.keyValue !== undefined) node.att(wcmNamespace, 'wcm:keyValue', tree.listItem.keyValue);
  }
  for (const [name, text] of Object.entries(tree.attributes ?? {})) node.att(name, text);
  if (tree.text !== undefined) node.txt(escapeAmpersands(tree.text));
  for (const child of tree.children ?? []) append(node, child);
}

/**
 * Serialises `root` as the document element: UTF-8 declaration, the unattend namespace as the
 * default and `wcm` declared once on the root, two-space indentation between elements only.
 */
export function serializeXml(root: XmlTree): string {
  const doc = create({ version: '1.0', encoding: 'utf-8' });
  const node = doc
    .ele(unattendNamespace, root.name)
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:wcm', wcmNamespace);
  for (const child of root.children ?? []) append(node, child);
  return `${doc.end({ prettyPrint: true, indent: '  ', newline: '\n' })}\n`;
}
