import { u16, u32, u64 } from '../_bytes';
import { WimError } from '../errors';

/** Where a resource lies in the WIM file and how it is stored. */
export interface ResourceHeader {
  /** Bytes stored in the file. */
  storedSize: number;
  /** `0x04` compressed, `0x02` metadata, `0x08` spanned, `0x10` solid. */
  flags: number;
  offset: number;
  /** Bytes after decompression. */
  originalSize: number;
}

/** The 208-byte WIM header (also used by ESD and split SWM files). */
export interface WimHeader {
  /** Format version, e.g. 0x10d00 for WIM, 0xe00 for solid (ESD) archives. */
  version: number;
  flags: number;
  compression: 'none' | 'xpress' | 'lzx' | 'lzms';
  chunkSize: number;
  /** GUID as 32 lowercase hex digits in file order, as `wiminfo` prints after `0x`. */
  guid: string;
  partNumber: number;
  totalParts: number;
  imageCount: number;
  bootIndex: number;
  xml: ResourceHeader;
}

export const wimHeaderSize = 208;
const compressionFlags = [
  [0x20000, 'xpress'],
  [0x40000, 'lzx'],
  [0x80000, 'lzms'],
] as const;

/** Parses the WIM header; throws `WimError` for anything that is not a WIM/ESD/SWM header. */
export function parseWimHeader(bytes: Uint8Array, file: string): WimHeader {
  const magic = String.fromCharCode(...bytes.subarray(0, 8));
  if (magic !== 'MSWIM\0\0\0') {
    const hint = magic === 'WLPWM\0\0\0' ? ' (a pipable WIM, which install media never use)' : '';
    throw new WimError('corrupt-wim', `${file} is not a WIM file${hint}: it does not start with "MSWIM".`);
  }
  if (bytes.length < wimHeaderSize || u32(bytes, 8) < wimHeaderSize) {
    throw new WimError('corrupt-wim', `${file}: the WIM header is truncated (${bytes.length} bytes).`);
  }
  const flags = u32(bytes, 16);
  const hasCompression = (flags & 0x2) !== 0;
  const compression = hasCompression ? compressionFlags.find(([bit]) => flags & bit)?.[1] : 'none';
  return {
    version: u32(bytes, 12),
    flags,
    compression: compression ?? 'none',
    chunkSize: u32(bytes, 20),
    guid: [...bytes.subarray(24, 40)].map((b) => b.toString(16).padStart(2, '0')).join(''),
    partNumber: u16(bytes, 40),
    totalParts: u16(bytes, 42),
    imageCount: u32(bytes, 44),
    bootIndex: u32(bytes, 120),
    xml: resourceHeader(bytes, 72),
  };
}

function resourceHeader(bytes: Uint8Array, at: number): ResourceHeader {
  return {
    storedSize: u32(bytes, at) + (u32(bytes, at + 4) & 0xffffff) * 0x1_0000_0000,
    flags: bytes[at + 7] ?? 0,
    offset: u64(bytes, at + 8),
    originalSize: u64(bytes, at + 16),
  };
}
