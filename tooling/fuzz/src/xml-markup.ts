/** Fragments of XML that reach a parser's edge cases: markup starts and ends, entities, bad chars. */
const xmlMarkup = [
  '<',
  '>',
  '</',
  '/>',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<?',
  '<?xml',
  '?>',
  '&',
  '&amp;',
  '&#',
  '&#0;',
  '&#x110000;',
  '"',
  "'",
  '=',
  'xmlns:a="x"',
  'a:b',
  '<!DOCTYPE x [<!ENTITY e "e">]>',
  '\u0000',
  '\ud800',
];

/**
 * XML markup tokens for {@link FuzzTarget.tokens}, encoded the way the reader's input is
 * (`utf16le` for WIM metadata), plus fragments of the format's own elements.
 */
export function xmlMarkupTokens(encoding: 'utf8' | 'utf16le', extra: readonly string[] = []): Uint8Array[] {
  return [...xmlMarkup, ...extra].map((token) => Buffer.from(token, encoding));
}
