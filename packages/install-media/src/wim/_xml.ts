import { WimError } from '../errors';

/** An element of the WIM XML document: tag name, attributes, child elements and its own text. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return String.fromCodePoint(code);
    }
    return entities[ref] ?? whole;
  });
}

const token =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([^\s/>]+)([^>]*?)(\/?)>|([^<]+)/g;
const attribute = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Parses the small, regular XML that WIM files carry (elements, attributes, text, entities, CDATA).
 * Not a general XML parser: no DTDs, no namespaces — WIM metadata uses neither.
 */
export function parseXml(text: string, file: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  for (const match of text.matchAll(token)) {
    const [, cdata, closing, name, attrs, selfClosing, chars] = match;
    const current = stack[stack.length - 1] as XmlElement;
    if (chars !== undefined) current.text += decodeEntities(chars);
    else if (cdata !== undefined) current.text += cdata;
    else if (name === undefined) continue;
    else if (closing) {
      if (current.name !== name || stack.length === 1)
        throw malformed(file, `</${name}> does not close <${current.name}>`);
      stack.pop();
    } else {
      const element: XmlElement = { name, attributes: {}, children: [], text: '' };
      for (const [, key, double, single] of (attrs ?? '').matchAll(attribute)) {
        element.attributes[key as string] = decodeEntities(double ?? single ?? '');
      }
      current.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (stack.length !== 1) throw malformed(file, `<${stack[stack.length - 1]?.name}> is never closed`);
  return root;
}

function malformed(file: string, problem: string): WimError {
  return new WimError('corrupt-wim', `${file}: the XML metadata is malformed (${problem}).`);
}

/** The first child with `name`, following a `/`-separated path. */
export function child(element: XmlElement | undefined, path: string): XmlElement | undefined {
  let current = element;
  for (const name of path.split('/')) current = current?.children.find((c) => c.name === name);
  return current;
}

/** The trimmed text at a path, or undefined when the element is absent or empty. */
export function textAt(element: XmlElement | undefined, path: string): string | undefined {
  const text = child(element, path)?.text.trim();
  return text ? text : undefined;
}
