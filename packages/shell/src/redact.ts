/** What a redacted value or secret is replaced with. */
export const redactedText = '[redacted]';

/**
 * Keys whose value holds, or may hold, a secret: passwords and passphrases (`password`,
 * `administratorPassword`, `adminPassword`), the contents of password files, product keys, private
 * key material and tokens or credentials. A key naming where a secret lives or what kind it is
 * (`passwordFile`, `privateKeyPath`, `passwordSource`, `passwordField`) is not a secret and stays
 * visible, so an error can name the file.
 */
const secretKey = /pass(word|phrase|wd)|secret|token|credential|product.?key|private.?key|^key$|api.?key/i;
const notSecret = /(Path|File|Source|Field)$/;

/** Whether a value under `key` is treated as a secret (see {@link redactedText}). */
export function isSecretKey(key: PropertyKey): boolean {
  const name = String(key);
  return secretKey.test(name) && !notSecret.test(name);
}

/** The shortest known secret replaced inside text; shorter ones would erase ordinary letters. */
export const minimumSecretLength = 3;

/**
 * One redaction rule for everything winguest prints or logs: any value under a
 * {@link isSecretKey secret key}, and any occurrence of a known secret string (a password, its
 * encodings), is replaced by {@link redactedText}.
 */
export interface Redactor {
  /** Adds known secrets (empty and very short ones are ignored). */
  add(...secrets: readonly string[]): void;
  /** `text` with every known secret replaced. */
  text(text: string): string;
  /** A copy of `value` with secret keys' values and known secrets in strings replaced. */
  value(value: unknown): unknown;
}

/** A redactor knowing `secrets` (more can be added as they become known). */
export function createRedactor(secrets: readonly string[] = []): Redactor {
  const known = new Set<string>();
  const text = (input: string): string => {
    let result = input;
    // Longest first, so a secret containing a shorter one is replaced whole.
    for (const secret of [...known].sort((a, b) => b.length - a.length))
      result = result.split(secret).join(redactedText);
    return result;
  };
  const value = (input: unknown, seen = new WeakSet<object>()): unknown => {
    if (typeof input === 'string') return text(input);
    if (typeof input !== 'object' || input === null || seen.has(input)) return input;
    seen.add(input);
    if (Array.isArray(input)) return input.map((item) => value(item, seen));
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(input))
      copy[key] = isSecretKey(key) && item !== undefined && item !== null ? redactedText : value(item, seen);
    return copy;
  };
  const redactor: Redactor = {
    add(...more) {
      for (const secret of more) if (secret.length >= minimumSecretLength) known.add(secret);
    },
    text,
    value: (input) => value(input),
  };
  redactor.add(...secrets);
  return redactor;
}
