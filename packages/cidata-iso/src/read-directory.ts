import { sectorSize } from './bytes';

/** One record of a directory extent, decoded. */
export interface DirectoryRecord {
  name: string;
  isDirectory: boolean;
  extent: number;
  size: number;
  /** Set when more extents of the same file follow (ISO 9660 multi-extent files). */
  continues: boolean;
  /** Byte offset of the record in the image, for error messages. */
  at: number;
}

/** Called for a record that does not fit its extent; names the record's byte offset and field. */
export type OnDamage = (at: number, field: string, why: string) => never;

/** Reads the extent and size of a directory record at `offset`. */
export function parseRecordPosition(buf: Buffer, offset: number): { extent: number; size: number } {
  return { extent: buf.readUInt32LE(offset + 2), size: buf.readUInt32LE(offset + 10) };
}

/**
 * Decodes the records of a directory extent read from byte `base` of the image, skipping `.` and
 * `..`. Joliet names are UCS-2 big-endian; ISO 9660 names lose their `;1` version and a trailing `.`
 * (`EMPTY.;1` → `EMPTY`). A record that runs past the extent or is shorter than its fixed part calls
 * `damaged`. Time is linear in the extent: every record moves forward by at least 33 bytes.
 */
export function parseDirectory(
  buf: Buffer,
  joliet: boolean,
  base: number,
  damaged: OnDamage,
): DirectoryRecord[] {
  const records: DirectoryRecord[] = [];
  let at = 0;
  while (at < buf.length) {
    const length = buf[at] ?? 0;
    if (length === 0) {
      at = (Math.floor(at / sectorSize) + 1) * sectorSize;
      continue;
    }
    const nameLength = buf[at + 32] ?? 0;
    if (length < 33 || at + length > buf.length || 33 + nameLength > length) {
      damaged(
        base + at,
        'record length',
        `a record of ${length} bytes with a ${nameLength}-byte name does not fit its directory`,
      );
    }
    const id = buf.subarray(at + 33, at + 33 + nameLength);
    const flags = buf[at + 25] ?? 0;
    if (!(nameLength === 1 && (id[0] === 0 || id[0] === 1))) {
      records.push({
        ...parseRecordPosition(buf, at),
        name: joliet ? jolietName(id) : isoName(id),
        isDirectory: (flags & 0x02) !== 0,
        continues: (flags & 0x80) !== 0,
        at: base + at,
      });
    }
    at += length;
  }
  return records;
}

function jolietName(id: Buffer): string {
  const even = Buffer.from(id.subarray(0, id.length - (id.length % 2)));
  return stripVersion(even.swap16().toString('utf16le'));
}

function isoName(id: Buffer): string {
  return stripVersion(id.toString('latin1')).replace(/\.$/, '');
}

function stripVersion(name: string): string {
  return name.replace(/;\d+$/, '');
}
