/**
 * Characters a terminal acts on instead of showing: C0 controls (ESC starts colour, cursor and
 * title sequences), DEL, C1 controls (U+009B is a one-character CSI), and the marks that reorder or
 * break a line (bidi overrides and isolates, line and paragraph separators).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/**
 * Text from media or other untrusted input, made safe to print as text: every character a terminal
 * would act on becomes a visible escape (`\x1b`, `\u202e`); everything else is unchanged. JSON
 * output needs no such step (JSON.stringify escapes controls and keeps values exact).
 */
export function printable(text: string): string {
  return text.replace(unsafe, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
