import { u16 } from '../_bytes';
import { crc16 } from '../udf/_tag';

/** Byte offsets of every 2048-byte block that starts with a descriptor tag `id` (checksum valid). */
export function findDescriptors(image: Uint8Array, id: number): number[] {
  const found: number[] = [];
  for (let at = 0; at + 16 <= image.length; at += 2048) {
    let sum = 0;
    for (let i = 0; i < 16; i++) if (i !== 4) sum += image[at + i] ?? 0;
    if (u16(image, at) === id && (sum & 0xff) === image[at + 4]) found.push(at);
  }
  return found;
}

/** Recomputes the CRC and checksum of the descriptor tag at `at` after a field was changed. */
export function retag(image: Uint8Array, at: number): void {
  const view = Buffer.from(image.buffer, image.byteOffset, image.byteLength);
  const crcLength = view.readUInt16LE(at + 10);
  view.writeUInt16LE(crc16(view.subarray(at + 16, at + 16 + crcLength)), at + 8);
  let sum = 0;
  for (let i = 0; i < 16; i++) if (i !== 4) sum += view[at + i] ?? 0;
  view[at + 4] = sum & 0xff;
}
