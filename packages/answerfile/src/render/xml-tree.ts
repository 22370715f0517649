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

const textEscapes: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const attributeEscapes: Readonly<Record<string, string>> = { ...textEscapes, '"': '&quot;' };

/** Text content: every "&", "<" and ">" escaped, so user text can never become markup. */
function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (char) => textEscapes[char] as string);
}

/** An attribute value in double quotes: every "&", "<", ">" and `"` escaped. */
function escapeAttribute(text: string): string {
  return text.replace(/[&<>"]/g, (char) => attributeEscapes[char] as string);
}

function attributesOf(tree: XmlTree): string {
  let markup = '';
  if (tree.listItem) {
    markup += ' wcm:action="add"';
    if (tree.listItem.keyValue !== undefined)
      markup += ` wcm:keyValue="${escapeAttribute(tree.listItem.keyValue)}"`;
  }
  for (const [name, text] of Object.entries(tree.attributes ?? {}))
    markup += ` ${name}="${escapeAttribute(text)}"`;
  return markup;
}

/**
 * Appends `tree` at `depth`: an element without content is self-closing, one holding only text is
 * written on one line (the text exactly as given), any other puts each child on its own line.
 */
function append(lines: string[], tree: XmlTree, depth: number, rootAttributes = ''): void {
  const indent = '  '.repeat(depth);
  const open = `${indent}<${tree.name}${rootAttributes}${attributesOf(tree)}`;
  const text = tree.text ?? '';
  const children = tree.children ?? [];
  if (children.length === 0) {
    lines.push(text === '' ? `${open}/>` : `${open}>${escapeText(text)}</${tree.name}>`);
    return;
  }
  lines.push(`${open}>`);
  if (text !== '') lines.push(`${indent}  ${escapeText(text)}`);
  for (const child of children) append(lines, child, depth + 1);
  lines.push(`${indent}</${tree.name}>`);
}

/**
 * Serialises `root` as the document element: UTF-8 declaration, the unattend namespace as the
 * default and `wcm` declared once on the root, two-space indentation between elements only.
 * Written by hand rather than through an XML library: the trees are plain data from this package,
 * and loading a DOM library cost a cold `winguest build` more than everything else it renders.
 */
export function serializeXml(root: XmlTree): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>'];
  append(lines, root, 0, ` xmlns="${unattendNamespace}" xmlns:wcm="${wcmNamespace}"`);
  return `${lines.join('\n')}\n`;
}
