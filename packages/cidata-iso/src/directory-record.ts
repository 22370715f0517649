import { sectorSize, writeBoth16, writeBoth32 } from './bytes';

/** What one directory record (ECMA-119 9.1) describes. */
export interface RecordFields {
  /** File identifier bytes: 0x00 for `.`, 0x01 for `..`, else the encoded name. */
  identifier: Uint8Array;
  extent: number;
  size: number;
  isDirectory: boolean;
}

/** Length of the record for an identifier of `identifierLength` bytes (padded to even). */
export function recordLength(identifierLength: number): number {
  return 33 + identifierLength + (identifierLength % 2 === 0 ? 1 : 0);
}

/** Encodes one directory record at `offset`; returns its length. */
export function writeRecord(buf: Buffer, offset: number, fields: RecordFields, date: Buffer): number {
  const length = recordLength(fields.identifier.length);
  buf[offset] = length;
  buf[offset + 1] = 0;
  writeBoth32(buf, offset + 2, fields.extent);
  writeBoth32(buf, offset + 10, fields.size);
  date.copy(buf, offset + 18);
  buf[offset + 25] = fields.isDirectory ? 0x02 : 0x00;
  writeBoth16(buf, offset + 28, 1);
  buf[offset + 32] = fields.identifier.length;
  buf.set(fields.identifier, offset + 33);
  return length;
}

/** Offsets of records laid out in a directory extent: records never cross a sector boundary. */
export function layoutRecords(lengths: readonly number[]): { offsets: number[]; size: number } {
  const offsets: number[] = [];
  let at = 0;
  for (const length of lengths) {
    if ((at % sectorSize) + length > sectorSize) at += sectorSize - (at % sectorSize);
    offsets.push(at);
    at += length;
  }
  return { offsets, size: Math.ceil(at / sectorSize) * sectorSize };
}
