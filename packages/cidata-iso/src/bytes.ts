/** ISO 9660 logical sector (and block) size. */
export const sectorSize = 2048;

/** Sectors needed for `bytes` bytes. */
export function sectorsFor(bytes: number): number {
  return Math.ceil(bytes / sectorSize);
}

/** Writes a 16-bit value in both byte orders (little-endian then big-endian), ECMA-119 7.2.3. */
export function writeBoth16(buf: Buffer, offset: number, value: number): void {
  const low = value & 0xff;
  const high = (value >>> 8) & 0xff;
  buf[offset] = low;
  buf[offset + 1] = high;
  buf[offset + 2] = high;
  buf[offset + 3] = low;
}

/** Writes a 32-bit value in both byte orders, ECMA-119 7.3.3. */
export function writeBoth32(buf: Buffer, offset: number, value: number): void {
  if (!(value >= 0 && value <= 0xffff_ffff)) throw new RangeError(`${value} does not fit in 32 bits`);
  // Byte stores rather than Buffer's checked writers: planning writes this per entry and volume.
  for (let i = 0; i < 4; i++) {
    const byte = (value >>> (8 * i)) & 0xff;
    buf[offset + i] = byte;
    buf[offset + 7 - i] = byte;
  }
}

/** Writes `text` as ASCII padded with spaces to `length` bytes. */
export function writeAsciiField(buf: Buffer, offset: number, length: number, text: string): void {
  buf.fill(0x20, offset, offset + length);
  buf.write(text.slice(0, length), offset, 'latin1');
}

/** Writes `text` as UCS-2 big-endian padded with U+0020 to `length` bytes (Joliet text fields). */
export function writeUcs2Field(buf: Buffer, offset: number, length: number, text: string): void {
  for (let i = 0; i + 1 < length; i += 2) {
    buf[offset + i] = 0x00;
    buf[offset + i + 1] = 0x20;
  }
  ucs2(text.slice(0, length / 2)).copy(buf, offset);
}

/** UCS-2 (UTF-16) big-endian bytes of `text`. */
export function ucs2(text: string): Buffer {
  const out = Buffer.from(text, 'utf16le');
  return out.swap16();
}

/** The 17-byte volume descriptor date of ECMA-119 8.4.26.1, in UTC. */
export function volumeDate(date: Date): Buffer {
  const digits = [
    date.getUTCFullYear().toString().padStart(4, '0'),
    ...[date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes()],
    date.getUTCSeconds(),
  ]
    .map((part) => String(part).padStart(2, '0'))
    .join('');
  const out = Buffer.alloc(17);
  out.write(`${digits}00`, 0, 'latin1');
  return out;
}

/** The unset volume descriptor date: sixteen '0' digits and a zero offset. */
export const noVolumeDate: Buffer = Buffer.concat([Buffer.from('0'.repeat(16), 'latin1'), Buffer.alloc(1)]);

/** The 7-byte directory record date of ECMA-119 9.1.5, in UTC. */
export function recordDate(date: Date): Buffer {
  return Buffer.from([
    date.getUTCFullYear() - 1900,
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    0,
  ]);
}
