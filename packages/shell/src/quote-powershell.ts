/**
 * The characters PowerShell's tokenizer treats as a single quote: the ASCII apostrophe and the
 * typographic quotes U+2018, U+2019, U+201A and U+201B. Inside a single-quoted string each of them
 * must be doubled, or it ends the string.
 */
export const powerShellSingleQuotes = ["'", '\u2018', '\u2019', '\u201A', '\u201B'] as const;

const quoteClass = /['\u2018\u2019\u201A\u201B]/g;
const bareSafe = /^[A-Za-z0-9_%+=:./\\-]+$/;
// PowerShell splits a bare `-name.ext` argument in two; only plain flags stay unquoted.
const bareFlag = /^-[A-Za-z0-9-]+$/;

/**
 * Quotes text as a PowerShell single-quoted (verbatim) string: no variable expansion, no escapes,
 * every single-quote character doubled. With `bare: true`, text made only of
 * `[A-Za-z0-9_%+=:./\-]` (and not a `-x.y` lookalike) is returned unquoted, for command arguments.
 */
export function quotePowerShell(text: string, options: { bare?: boolean } = {}): string {
  const bare = options.bare && bareSafe.test(text) && (!text.startsWith('-') || bareFlag.test(text));
  return bare ? text : `'${text.replace(quoteClass, (quote) => quote + quote)}'`;
}
