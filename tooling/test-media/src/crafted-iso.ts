/**
 * Helpers that damage ISO 9660 images on purpose, for tests of readers facing crafted or truncated
 * media. They work on images with a Joliet volume, as winguest and xorriso -J write them.
 */

/** Byte offset of the root directory record in the Joliet (or else primary) volume descriptor. */
export function rootRecordOffset(image: Uint8Array): number {
  for (let sector = 16; sector < 32; sector++) {
    if (image[sector * 2048] === 2) return sector * 2048 + 156;
  }
  return 16 * 2048 + 156;
}

/**
 * Byte offset of the Joliet directory record named `name` (UCS-2 big-endian), found by search: the
 * first place the name follows a length byte equal to its size (path tables hold names too).
 */
export function jolietRecordOffset(image: Uint8Array, name: string): number {
  const bytes = Buffer.from(image.buffer, image.byteOffset, image.byteLength);
  const id = Buffer.from(name, 'utf16le').swap16();
  for (let at = bytes.indexOf(id); at >= 0; at = bytes.indexOf(id, at + 1)) {
    if (at >= 33 && bytes[at - 1] === id.length && (bytes[at - 33] ?? 0) >= 33 + id.length) return at - 33;
  }
  throw new Error(`no directory record named ${name}`);
}

/** Writes a both-byte-order 32-bit field of a directory record (extent at +2, size at +10). */
export function patchBoth32(image: Uint8Array, offset: number, value: number): void {
  const view = new DataView(image.buffer, image.byteOffset, image.byteLength);
  view.setUint32(offset, value >>> 0, true);
  view.setUint32(offset + 4, value >>> 0, false);
}

/** Replaces one UCS-2 character of a Joliet record's name, e.g. to put an ESC into a file name. */
export function patchJolietName(image: Uint8Array, name: string, index: number, code: number): void {
  const at = jolietRecordOffset(image, name) + 33 + index * 2;
  image[at] = code >> 8;
  image[at + 1] = code & 0xff;
}
