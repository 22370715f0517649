import { InvalidEncodedPasswordError, InvalidPasswordCharacterError } from './errors';

/**
 * Checks that every character can live in an XML 1.0 answer file (tab, LF and CR are the only
 * control characters allowed; U+FFFE/U+FFFF are not characters) and that surrogates come in pairs.
 * Throws for the first bad character, naming it and its index.
 */
export function assertEncodablePassword(text: string): void {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      throw new InvalidPasswordCharacterError(
        i,
        unit,
        'is a lone high surrogate (half of a broken character)',
      );
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) {
      throw new InvalidPasswordCharacterError(
        i,
        unit,
        'is a lone low surrogate (half of a broken character)',
      );
    }
    if (
      (unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) ||
      unit === 0xfffe ||
      unit === 0xffff
    ) {
      throw new InvalidPasswordCharacterError(i, unit, 'cannot be stored in an XML answer file');
    }
  }
}

/** UTF-16 little-endian bytes of a string (JavaScript strings already are UTF-16 code units). */
export function toUtf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[i * 2] = unit & 0xff;
    bytes[i * 2 + 1] = unit >> 8;
  }
  return bytes;
}

/** Decodes UTF-16LE bytes; odd lengths and broken surrogate pairs are errors. */
export function fromUtf16le(bytes: Uint8Array): string {
  if (bytes.length % 2 !== 0) {
    throw new InvalidEncodedPasswordError(
      `it decodes to ${bytes.length} bytes, an odd number, so it is not UTF-16`,
    );
  }
  let text = '';
  for (let i = 0; i < bytes.length; i += 2) {
    text += String.fromCharCode((bytes[i] as number) | ((bytes[i + 1] as number) << 8));
  }
  if (!text.isWellFormed()) {
    throw new InvalidEncodedPasswordError('it decodes to UTF-16 with a broken surrogate pair');
  }
  return text;
}
