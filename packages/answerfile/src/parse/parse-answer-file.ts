import { SaxesParser, type SaxesTagNS } from 'saxes';
import { AnswerFileParseError } from '../errors';
import { findBareAmpersand } from './bare-ampersand';
import { type AnswerFileModel, attributeOf, type XmlElement } from './model';

const xmlnsNamespace = 'http://www.w3.org/2000/xmlns/';

function toElement(tag: SaxesTagNS, line: number, column: number): XmlElement {
  const attributes = Object.values(tag.attributes)
    .filter((a) => a.uri !== xmlnsNamespace)
    .map((a) => ({ name: a.local, namespace: a.uri, prefix: a.prefix, value: a.value }));
  return { name: tag.local, namespace: tag.uri, attributes, children: [], text: '', line, column, path: '' };
}

/** The XPath-like step of every child of `parent`, `[n]` added where a name repeats; linear in the children. */
function childSteps(children: readonly XmlElement[]): string[] {
  const counts = new Map<string, number>();
  for (const child of children) counts.set(child.name, (counts.get(child.name) ?? 0) + 1);
  const seen = new Map<string, number>();
  return children.map((element) => {
    if (element.name === 'settings') return `settings[@pass='${attributeOf(element, 'pass') ?? ''}']`;
    if (element.name === 'component') return `component[@name='${attributeOf(element, 'name') ?? ''}']`;
    const index = (seen.get(element.name) ?? 0) + 1;
    seen.set(element.name, index);
    return (counts.get(element.name) ?? 0) > 1 ? `${element.name}[${index}]` : element.name;
  });
}

function assignPaths(root: XmlElement): void {
  root.path = `/${root.name}`;
  const pending = [root];
  for (let element = pending.pop(); element; element = pending.pop()) {
    const steps = childSteps(element.children);
    element.children.forEach((child, index) => {
      child.path = `${element.path}/${steps[index]}`;
      pending.push(child);
    });
  }
}

function toModel(root: XmlElement): AnswerFileModel {
  assignPaths(root);
  const settings = root.children
    .filter((element) => element.name === 'settings')
    .map((element) => ({
      pass: attributeOf(element, 'pass'),
      element,
      components: element.children
        .filter((child) => child.name === 'component')
        .map((child) => ({
          name: attributeOf(child, 'name'),
          processorArchitecture: attributeOf(child, 'processorArchitecture'),
          publicKeyToken: attributeOf(child, 'publicKeyToken'),
          language: attributeOf(child, 'language'),
          versionScope: attributeOf(child, 'versionScope'),
          element: child,
        })),
    }));
  return { root, settings };
}

/**
 * Parses an answer file with a strict, namespace-aware XML parser and returns its element tree with
 * line/column positions. Any well-formedness or namespace error (unclosed tags, duplicate
 * attributes, unbound prefixes, undefined entities, a DOCTYPE, text after the root) throws.
 *
 * @throws AnswerFileParseError with the 1-based line and column of the first problem.
 */
export function parseAnswerFile(xml: string): AnswerFileModel {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let start = { line: 1, column: 1 };
  const fail = (reason: string) => {
    throw new AnswerFileParseError(
      reason.replace(/^\d+:\d+: /, '').replace(/\.$/, ''),
      parser.line,
      Math.max(1, parser.column),
    );
  };
  parser.on('error', (error) => {
    const ampersand = findBareAmpersand(xml);
    if (
      ampersand &&
      (ampersand.line < parser.line || (ampersand.line === parser.line && ampersand.column <= parser.column))
    ) {
      const reason = 'a bare "&" does not start an entity reference; write it as &amp;';
      throw new AnswerFileParseError(reason, ampersand.line, ampersand.column);
    }
    fail(error.message);
  });
  parser.on('doctype', () => fail('a DOCTYPE is not allowed in an answer file'));
  parser.on('opentagstart', (tag) => {
    start = { line: parser.line, column: Math.max(1, parser.column - tag.name.length - 1) };
  });
  parser.on('opentag', (tag) => {
    const element = toElement(tag, start.line, start.column);
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => stack.pop());
  const addText = (text: string) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.write(xml.startsWith('\uFEFF') ? xml.slice(1) : xml).close();
  if (!root) return fail('the document has no root element');
  return toModel(root);
}
