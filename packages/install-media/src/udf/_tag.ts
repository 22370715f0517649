import { u16, u32 } from '../_bytes';
import { FileSystemError } from '../errors';

/** Descriptor tag identifiers (ECMA-167 3/7.2.1 and 4/7.2.1). */
export const TagId = {
  primaryVolume: 1,
  anchor: 2,
  pointer: 3,
  partition: 5,
  logicalVolume: 6,
  terminating: 8,
  fileSet: 256,
  fileIdentifier: 257,
  allocationExtent: 258,
  fileEntry: 261,
  extendedFileEntry: 266,
} as const;

/** The 16-byte tag at the start of every UDF descriptor, checked for checksum and CRC. */
export interface Tag {
  id: number;
  location: number;
}

/** CRC-CCITT (polynomial 0x1021, initial 0) as ECMA-167 uses for descriptor bodies. */
export function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** Parses and verifies the tag at the start of `bytes`; undefined when there is no valid tag. */
export function readTag(bytes: Uint8Array): Tag | undefined {
  if (bytes.length < 16) return undefined;
  let sum = 0;
  for (let i = 0; i < 16; i++) if (i !== 4) sum += bytes[i] ?? 0;
  if ((sum & 0xff) !== bytes[4]) return undefined;
  const crcLength = u16(bytes, 10);
  if (16 + crcLength > bytes.length || crc16(bytes.subarray(16, 16 + crcLength)) !== u16(bytes, 8)) {
    return undefined;
  }
  return { id: u16(bytes, 0), location: u32(bytes, 12) };
}

/** Reads a tag and insists on its identifier (and location, when given). */
export function expectTag(bytes: Uint8Array, ids: readonly number[], what: string, location?: number): Tag {
  const tag = readTag(bytes);
  if (!tag || !ids.includes(tag.id) || (location !== undefined && tag.location !== location)) {
    const found = tag ? `tag ${tag.id} at block ${tag.location}` : 'no valid descriptor tag';
    throw new FileSystemError(
      'corrupt-filesystem',
      `UDF: expected ${what}${location === undefined ? '' : ` at block ${location}`}, found ${found}; the image is damaged or not UDF.`,
    );
  }
  return tag;
}
