import { noVolumeDate, volumeDate, writeAsciiField, writeBoth16, writeBoth32, writeUcs2Field } from './bytes';
import { writeRecord } from './directory-record';

/** What a primary (type 1) or Joliet supplementary (type 2) volume descriptor records. */
export interface DescriptorFields {
  joliet: boolean;
  volumeLabel: string;
  totalSectors: number;
  pathTableSize: number;
  lPathTable: number;
  mPathTable: number;
  root: { extent: number; size: number };
  date: Date;
  recordDate: Buffer;
}

const application = 'WINGUEST CIDATA-ISO';

/** Encodes a volume descriptor (ECMA-119 8.4, Joliet SVD) into the 2048 bytes at `offset`. */
export function writeVolumeDescriptor(buf: Buffer, offset: number, f: DescriptorFields): void {
  const text = f.joliet ? writeUcs2Field : writeAsciiField;
  buf[offset] = f.joliet ? 2 : 1;
  buf.write('CD001', offset + 1, 'latin1');
  buf[offset + 6] = 1;
  text(buf, offset + 8, 32, '');
  text(buf, offset + 40, 32, f.joliet ? f.volumeLabel : primaryLabel(f.volumeLabel));
  writeBoth32(buf, offset + 80, f.totalSectors);
  if (f.joliet) buf.write('%/E', offset + 88, 'latin1');
  writeBoth16(buf, offset + 120, 1);
  writeBoth16(buf, offset + 124, 1);
  writeBoth16(buf, offset + 128, 2048);
  writeBoth32(buf, offset + 132, f.pathTableSize);
  buf.writeUInt32LE(f.lPathTable, offset + 140);
  buf.writeUInt32BE(f.mPathTable, offset + 148);
  writeRecord(buf, offset + 156, { ...f.root, identifier: 0, isDirectory: true }, f.joliet, f.recordDate);
  for (const [at, length] of [
    [190, 128],
    [318, 128],
    [446, 128],
    [702, 37],
    [739, 37],
    [776, 37],
  ] as const) {
    text(buf, offset + at, length, '');
  }
  text(buf, offset + 574, 128, application);
  const created = volumeDate(f.date);
  created.copy(buf, offset + 813);
  created.copy(buf, offset + 830);
  noVolumeDate.copy(buf, offset + 847);
  noVolumeDate.copy(buf, offset + 864);
  buf[offset + 881] = 1;
}

/** Encodes the volume descriptor set terminator (type 255). */
export function writeTerminator(buf: Buffer, offset: number): void {
  buf[offset] = 255;
  buf.write('CD001', offset + 1, 'latin1');
  buf[offset + 6] = 1;
}

/** The primary volume's label: d-characters only (A–Z, 0–9, _). */
export function primaryLabel(label: string): string {
  return label.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
}
