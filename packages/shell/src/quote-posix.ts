const bareSafe = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * Quotes text as one word for POSIX sh (bash, zsh, dash, busybox): single quotes, each `'` written
 * as `'\''`. Text made only of `[A-Za-z0-9_@%+=:,./-]` stays bare unless `always` is set.
 * Single-quoted text is never expanded, so any value (spaces, `$`, backticks, newlines) is safe.
 */
export function quotePosix(text: string, options: { always?: boolean } = {}): string {
  if (!options.always && bareSafe.test(text)) return text;
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
