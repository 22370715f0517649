const reference = /^&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z_:][\w.:-]*);/;

/**
 * The 1-based position of the first "&" that does not start a character or entity reference,
 * outside comments, CDATA sections and processing instructions; undefined when there is none.
 * (A bare "&" in a command line is a common hand-editing mistake; the SAX parser only notices it at
 * the end of the document, so this gives the position that helps.)
 */
export function findBareAmpersand(xml: string): { line: number; column: number } | undefined {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < xml.length; index++) {
    const char = xml[index];
    if (char === '\n') {
      line++;
      lineStart = index + 1;
    } else if (char === '<') {
      const skipTo = xml.startsWith('<!--', index)
        ? '-->'
        : xml.startsWith('<![CDATA[', index)
          ? ']]>'
          : xml.startsWith('<?', index)
            ? '?>'
            : undefined;
      if (!skipTo) continue;
      const end = xml.indexOf(skipTo, index);
      const stop = end === -1 ? xml.length : end + skipTo.length;
      for (; index < stop - 1; index++) {
        if (xml[index] === '\n') {
          line++;
          lineStart = index + 1;
        }
      }
    } else if (char === '&' && !reference.test(xml.slice(index, index + 40))) {
      return { line, column: index - lineStart + 1 };
    }
  }
  return undefined;
}
