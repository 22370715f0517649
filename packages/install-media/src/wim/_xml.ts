import { WimError } from '../errors';

/** An element of the WIM XML document: tag name, attributes, child elements and its own text. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string, file: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return entities[ref] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    if (!(code <= 0x10ffff)) throw malformed(file, `${whole} is not a Unicode character`);
    return String.fromCodePoint(code);
  });
}

/** Markup skipped or kept as text: its opening, its closing, and whether its content is text. */
const sections = [
  ['<!--', '-->', false],
  ['<?', '?>', false],
  ['<![CDATA[', ']]>', true],
] as const;

/**
 * Parses the small, regular XML that WIM files carry (elements, attributes, text, entities, CDATA).
 * Not a general XML parser: no DTDs, no namespaces — WIM metadata uses neither. One forward scan
 * with `indexOf`, so time is linear in the text whatever it holds.
 */
export function parseXml(text: string, file: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  let at = 0;
  while (at < text.length) {
    const current = stack[stack.length - 1] as XmlElement;
    const next = text.indexOf('<', at);
    if (next !== at) {
      const end = next < 0 ? text.length : next;
      current.text += decodeEntities(text.slice(at, end), file);
      at = end;
      continue;
    }
    const section = sections.find(([open]) => text.startsWith(open, at));
    const close = section ? section[1] : '>';
    const start = at + (section ? section[0].length : 1);
    const end = text.indexOf(close, start);
    if (end < 0)
      throw malformed(file, `${JSON.stringify(text.slice(at, at + 12))} at character ${at} is never closed`);
    at = end + close.length;
    if (section) {
      if (section[2]) current.text += text.slice(start, end);
      continue;
    }
    tag(text.slice(start, end), stack, file);
  }
  if (stack.length !== 1) throw malformed(file, `<${stack[stack.length - 1]?.name}> is never closed`);
  return root;
}

function tag(inside: string, stack: XmlElement[], file: string): void {
  const current = stack[stack.length - 1] as XmlElement;
  if (inside.startsWith('/')) {
    const name = inside.slice(1).trim();
    if (current.name !== name || stack.length === 1) {
      throw malformed(file, `</${name}> does not close <${current.name}>`);
    }
    stack.pop();
    return;
  }
  const selfClosing = inside.endsWith('/');
  const body = selfClosing ? inside.slice(0, -1) : inside;
  const name = /^[^\s/>!]+/.exec(body)?.[0];
  if (name === undefined) throw malformed(file, `<${inside.slice(0, 20)}> is not an element`);
  const element: XmlElement = {
    name,
    attributes: parseAttributes(body.slice(name.length), file),
    children: [],
    text: '',
  };
  current.children.push(element);
  if (!selfClosing) stack.push(element);
}

/** `key="value"` pairs separated by white space, scanned left to right once. */
function parseAttributes(text: string, file: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  let at = 0;
  const skipSpace = () => {
    while (at < text.length && /\s/.test(text[at] as string)) at++;
  };
  for (skipSpace(); at < text.length; skipSpace()) {
    const equals = text.indexOf('=', at);
    const key = equals < 0 ? '' : text.slice(at, equals).trim();
    const quote = text.slice(equals + 1).trimStart()[0];
    if (!key || /\s/.test(key) || (quote !== '"' && quote !== "'")) {
      throw malformed(file, `attribute text ${JSON.stringify(text.slice(at, at + 20))} is not key="value"`);
    }
    const open = text.indexOf(quote, equals + 1);
    const close = text.indexOf(quote, open + 1);
    if (close < 0) throw malformed(file, `the value of ${key} is never closed`);
    attributes[key] = decodeEntities(text.slice(open + 1, close), file);
    at = close + 1;
  }
  return attributes;
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
