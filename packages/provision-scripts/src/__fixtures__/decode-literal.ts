const singleQuotes = new Set(["'", '\u2018', '\u2019', '\u201A', '\u201B']);

/**
 * Reads one single-quoted string token from the start of `source` the way PowerShell's tokenizer
 * does (any of the five single-quote characters opens and closes it; two in a row stand for the
 * second one). Returns the value and the index just after the closing quote, or undefined when
 * the token does not terminate.
 */
export function readVerbatimString(source: string): { value: string; end: number } | undefined {
  const chars = [...source];
  if (!singleQuotes.has(chars[0] ?? '')) return undefined;
  let value = '';
  let offset = (chars[0] as string).length;
  for (let i = 1; i < chars.length; i++) {
    const char = chars[i] as string;
    if (singleQuotes.has(char)) {
      const next = chars[i + 1];
      if (next === undefined || !singleQuotes.has(next)) return { value, end: offset + char.length };
      value += next;
      offset += char.length + next.length;
      i++;
      continue;
    }
    value += char;
    offset += char.length;
  }
  return undefined;
}
