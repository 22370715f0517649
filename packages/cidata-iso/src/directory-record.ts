import { sectorSize, writeBoth16, writeBoth32 } from './bytes';

/**
 * A record's file identifier: a name, encoded per volume (ISO 9660 names are ASCII, Joliet names
 * UCS-2 big-endian), or the one byte 0x00 (`.`, the root) or 0x01 (`..`). Kept as the name itself
 * so that planning allocates no byte array per entry.
 */
export type Identifier = string | 0 | 1;

/** What one directory record (ECMA-119 9.1) describes. */
export interface RecordFields {
  identifier: Identifier;
  extent: number;
  size: number;
  isDirectory: boolean;
}

/** Bytes `identifier` takes on a volume whose names are UCS-2 (`wide`, Joliet) or ASCII. */
export function identifierLength(identifier: Identifier, wide: boolean): number {
  if (typeof identifier === 'number') return 1;
  return wide ? identifier.length * 2 : identifier.length;
}

/** Encodes `identifier` at `offset`; names hold no surrogates or non-ASCII ISO characters (checked). */
export function writeIdentifier(buf: Buffer, offset: number, identifier: Identifier, wide: boolean): void {
  if (typeof identifier === 'number') {
    buf[offset] = identifier;
    return;
  }
  for (let i = 0, at = offset; i < identifier.length; i++) {
    const unit = identifier.charCodeAt(i);
    if (wide) {
      buf[at++] = unit >>> 8;
      buf[at++] = unit & 0xff;
    } else buf[at++] = unit;
  }
}

/** Length of the record for an identifier of `identifierLength` bytes (padded to even). */
export function recordLength(identifierLength: number): number {
  return 33 + identifierLength + (identifierLength % 2 === 0 ? 1 : 0);
}

/**
 * Encodes one directory record at `offset`; returns its length. Positional fields, and the date
 * copied byte by byte: planning writes one record per entry and volume.
 */
export function writeRecord(
  buf: Buffer,
  offset: number,
  fields: RecordFields,
  wide: boolean,
  date: Buffer,
): number {
  return writeRecordAt(
    buf,
    offset,
    fields.extent,
    fields.size,
    fields.isDirectory,
    fields.identifier,
    wide,
    date,
  );
}

/** {@link writeRecord} with the fields as arguments. */
export function writeRecordAt(
  buf: Buffer,
  offset: number,
  extent: number,
  size: number,
  isDirectory: boolean,
  identifier: Identifier,
  wide: boolean,
  date: Buffer,
): number {
  const idLength = identifierLength(identifier, wide);
  const length = recordLength(idLength);
  buf[offset] = length;
  buf[offset + 1] = 0;
  writeBoth32(buf, offset + 2, extent);
  writeBoth32(buf, offset + 10, size);
  for (let i = 0; i < 7; i++) buf[offset + 18 + i] = date[i] as number;
  buf[offset + 25] = isDirectory ? 0x02 : 0x00;
  writeBoth16(buf, offset + 28, 1);
  buf[offset + 32] = idLength;
  writeIdentifier(buf, offset + 33, identifier, wide);
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
