import { quotePowerShell } from '@winguest/shell';
import { UnencodableTextError } from './errors';

export { powerShellSingleQuotes } from '@winguest/shell';

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
  return quotePowerShell(value);
}

/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
