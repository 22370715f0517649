import { create } from 'xmlbuilder2';

/** An element to write: plain data, serialised in one place. */
export interface XmlNode {
  name: string;
  /** Attributes in the order given; undefined ones are left out. */
  attributes?: Readonly<Record<string, string | number | undefined>>;
  children?: readonly XmlNode[];
  /** Text content, written exactly. */
  text?: string;
}

/** What may stand where an element goes: falsy values are dropped. */
export type Child = XmlNode | undefined | null | false | '';

/** An element with attributes and children; `undefined`/`false` children are dropped. */
export function el(
  name: string,
  attributes: XmlNode['attributes'] = {},
  ...children: (Child | readonly Child[])[]
): XmlNode {
  const kept = children.flat().filter((child): child is XmlNode => !!child);
  return { name, attributes, children: kept };
}

/** An element holding text. */
export function text(name: string, value: string | number, attributes: XmlNode['attributes'] = {}): XmlNode {
  return { name, attributes, text: String(value) };
}

// xmlbuilder2 leaves an "&" that starts something entity-like alone; escaping every "&" first keeps
// user text (paths, names) from turning into markup.
const escapeAmpersands = (value: string) => value.replaceAll('&', '&amp;');

type Builder = ReturnType<typeof create>;

function append(parent: Builder, node: XmlNode): void {
  const child = parent.ele(node.name);
  for (const [name, value] of Object.entries(node.attributes ?? {})) {
    if (value !== undefined) child.att(name, escapeAmpersands(String(value)));
  }
  if (node.text !== undefined) child.txt(escapeAmpersands(node.text));
  for (const grandchild of node.children ?? []) append(child, grandchild);
}

/** Serialises `root` with a UTF-8 declaration and two-space indentation between elements. */
export function serializeXml(root: XmlNode, namespaces: Readonly<Record<string, string>> = {}): string {
  const doc = create({ version: '1.0', encoding: 'utf-8' });
  const top = doc.ele(root.name);
  for (const [prefix, uri] of Object.entries(namespaces)) {
    top.att('http://www.w3.org/2000/xmlns/', `xmlns:${prefix}`, uri);
  }
  for (const [name, value] of Object.entries(root.attributes ?? {})) {
    if (value !== undefined) top.att(name, escapeAmpersands(String(value)));
  }
  for (const child of root.children ?? []) append(top, child);
  return `${doc.end({ prettyPrint: true, indent: '  ', newline: '\n' })}\n`;
}
