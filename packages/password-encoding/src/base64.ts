import { InvalidEncodedPasswordError } from './errors';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const lookup = new Map([...alphabet].map((char, value) => [char, value]));

/** Standard base64 (RFC 4648 §4) with `=` padding; no Buffer, so it runs in browsers too. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += alphabet[a >> 2];
    out += alphabet[((a & 0x03) << 4) | ((b ?? 0) >> 4)];
    out += b === undefined ? '=' : alphabet[((b & 0x0f) << 2) | ((c ?? 0) >> 6)];
    out += c === undefined ? '=' : alphabet[c & 0x3f];
  }
  return out;
}

/**
 * Decodes standard base64. Padding may be missing (Microsoft once documented unpadded values);
 * anything else outside the alphabet, misplaced padding, or an impossible length is an error.
 */
export function fromBase64(text: string): Uint8Array {
  const body = text.replace(/={1,2}$/, '');
  for (let i = 0; i < body.length; i++) {
    if (!lookup.has(body[i] as string)) {
      throw new InvalidEncodedPasswordError(
        `character ${JSON.stringify(body[i])} at index ${i} is not base64 (A-Z, a-z, 0-9, +, / and trailing =)`,
      );
    }
  }
  const padding = text.length - body.length;
  if (body.length % 4 === 1) {
    throw new InvalidEncodedPasswordError(
      `its length ${body.length} (without padding) is impossible for base64`,
    );
  }
  const fullPadding = (4 - (body.length % 4)) % 4;
  if (padding > fullPadding) {
    throw new InvalidEncodedPasswordError(`its length ${text.length} does not fit its "=" padding`);
  }
  const bytes = new Uint8Array(Math.floor((body.length * 3) / 4));
  let bits = 0;
  let buffered = 0;
  let written = 0;
  for (const char of body) {
    buffered = ((buffered << 6) | (lookup.get(char) as number)) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[written++] = (buffered >> bits) & 0xff;
    }
  }
  return bytes;
}
