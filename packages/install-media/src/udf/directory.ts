import { u16, u32 } from '../_bytes';
import { decodeCs0 } from './_strings';
import { readTag, TagId } from './_tag';

/** One live (not deleted, not parent) file identifier descriptor of a directory. */
export interface FileIdentifier {
  name: string;
  isDirectory: boolean;
  /** Where the child's file entry is. */
  icb: { partitionRef: number; block: number };
}

const characteristicDirectory = 2;
const characteristicDeleted = 4;
const characteristicParent = 8;

/** Parses the file identifier descriptors that make up a directory's data (ECMA-167 4/14.4). */
export function parseDirectory(data: Uint8Array): FileIdentifier[] {
  const entries: FileIdentifier[] = [];
  let at = 0;
  while (at + 38 <= data.length) {
    const fid = data.subarray(at);
    const nameLength = fid[19] ?? 0;
    const implLength = u16(fid, 36);
    const total = (38 + implLength + nameLength + 3) & ~3;
    if (readTag(fid.subarray(0, total))?.id !== TagId.fileIdentifier) break;
    const flags = fid[18] ?? 0;
    if (!(flags & (characteristicDeleted | characteristicParent))) {
      entries.push({
        name: decodeCs0(fid.subarray(38 + implLength, 38 + implLength + nameLength)),
        isDirectory: (flags & characteristicDirectory) !== 0,
        icb: { partitionRef: u16(fid, 28), block: u32(fid, 24) },
      });
    }
    at += total;
  }
  return entries;
}
