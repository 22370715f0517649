import { createIsoStream } from '../create-iso-stream';
import type { IsoLayout } from '../layout';

/** A small valid image (Joliet, one sub-directory, two files) built in memory by our writer. */
export async function smallImage(layout: IsoLayout = defaultLayout): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of await createIsoStream(layout)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const defaultLayout: IsoLayout = [
  { type: 'file', path: 'autounattend.xml', source: '<unattend/>\n' },
  { type: 'file', path: 'winguest/first-logon.ps1', source: 'Write-Output ok\r\n' },
];

/** Byte offset of the root directory record in the Joliet (or else primary) volume descriptor. */
export function rootRecordOffset(image: Buffer): number {
  for (let sector = 16; sector < 32; sector++) {
    if (image[sector * 2048] === 2) return sector * 2048 + 156;
  }
  return 16 * 2048 + 156;
}

/**
 * Byte offset of the Joliet directory record named `name` (UCS-2 big-endian), found by search: the
 * first place the name follows a length byte equal to its size (path tables hold names too).
 */
export function jolietRecordOffset(image: Buffer, name: string): number {
  const id = Buffer.from(name, 'utf16le').swap16();
  for (let at = image.indexOf(id); at >= 0; at = image.indexOf(id, at + 1)) {
    if (at >= 33 && image[at - 1] === id.length && (image[at - 33] ?? 0) >= 33 + id.length) return at - 33;
  }
  throw new Error(`no directory record named ${name}`);
}

/** Writes a both-byte-order 32-bit field of a directory record (extent at +2, size at +10). */
export function patchBoth32(image: Buffer, offset: number, value: number): void {
  image.writeUInt32LE(value >>> 0, offset);
  image.writeUInt32BE(value >>> 0, offset + 4);
}
