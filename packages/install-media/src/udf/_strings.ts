/**
 * Decodes OSTA CS0 "compressed Unicode" (UDF 2.1.1): a compression id byte (8 = one byte per
 * character, 16 = UTF-16BE; 254/255 the same for UDF 2.50 deleted names) followed by characters.
 */
export function decodeCs0(bytes: Uint8Array): string {
  const id = bytes[0];
  const body = bytes.subarray(1);
  if (id === 16 || id === 255) {
    let out = '';
    for (let i = 0; i + 1 < body.length; i += 2)
      out += String.fromCharCode(((body[i] ?? 0) << 8) | (body[i + 1] ?? 0));
    return out;
  }
  if (id === 8 || id === 254) return String.fromCharCode(...body);
  return '';
}

/** A fixed-length dstring: CS0 characters whose used length is in the last byte. */
export function decodeDstring(field: Uint8Array): string {
  const used = field[field.length - 1] ?? 0;
  if (used === 0) return '';
  return decodeCs0(field.subarray(0, Math.min(used, field.length - 1)));
}

/** The identifier of a 32-byte regid (entity identifier), e.g. `*OSTA UDF Compliant`. */
export function regidIdentifier(regid: Uint8Array): string {
  const id = regid.subarray(1, 24);
  const end = id.indexOf(0);
  return String.fromCharCode(...(end < 0 ? id : id.subarray(0, end)));
}
