import { UnencodableTextError } from './errors';

/**
 * The characters PowerShell's tokenizer treats as a single quote: the ASCII apostrophe and the
 * typographic quotes U+2018, U+2019, U+201A and U+201B. Inside a single-quoted string each of them
 * must be doubled, or it ends the string.
 */
export const powerShellSingleQuotes = ["'", '\u2018', '\u2019', '\u201A', '\u201B'] as const;

const quoteClass = /['\u2018\u2019\u201A\u201B]/g;

/**
 * Quotes any text as a PowerShell single-quoted (verbatim) string literal: no variable expansion,
 * no escapes, every single-quote character doubled. This is the only way a value enters a script.
 * Throws `UnencodableTextError` for lone surrogates (a UTF-8 script cannot carry them) and NUL.
 */
export function powerShellLiteral(value: string): string {
  if (!value.isWellFormed()) {
    throw new UnencodableTextError(value.search(loneSurrogate), 'a lone UTF-16 surrogate');
  }
  if (value.includes('\0')) {
    throw new UnencodableTextError(value.indexOf('\0'), 'U+0000 (NUL)');
  }
  return `'${value.replace(quoteClass, (quote) => quote + quote)}'`;
}

/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
