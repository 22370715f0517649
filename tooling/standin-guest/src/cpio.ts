/** One entry of an initramfs. Paths are relative (`bin/busybox`), parents listed before children. */
export type CpioEntry =
  | { kind: 'dir'; path: string; mode: number }
  | { kind: 'file'; path: string; mode: number; data: Uint8Array }
  | { kind: 'symlink'; path: string; target: string }
  | { kind: 'char'; path: string; mode: number; major: number; minor: number };

const typeBits = { dir: 0o040000, file: 0o100000, symlink: 0o120000, char: 0o020000 } as const;

/**
 * Writes a cpio archive in the `newc` format the kernel unpacks as an initramfs. Owner root, mtime 0
 * and inode numbers by position make the same entries give byte-identical archives.
 */
export function writeNewc(entries: readonly CpioEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let offset = 0;
  const push = (bytes: Uint8Array) => {
    parts.push(bytes);
    offset += bytes.length;
    const pad = (4 - (offset % 4)) % 4;
    if (pad > 0) {
      parts.push(new Uint8Array(pad));
      offset += pad;
    }
  };
  entries.forEach((entry, index) => {
    const data = entryData(entry);
    push(header(entry, index + 1, data.length));
    if (data.length > 0) push(data);
  });
  push(trailer());
  return Buffer.concat(parts);
}

function entryData(entry: CpioEntry): Uint8Array {
  if (entry.kind === 'file') return entry.data;
  if (entry.kind === 'symlink') return Buffer.from(entry.target);
  return new Uint8Array(0);
}

function header(entry: CpioEntry, ino: number, size: number): Uint8Array {
  const mode = typeBits[entry.kind] | (entry.kind === 'symlink' ? 0o777 : entry.mode);
  const rdev = entry.kind === 'char' ? [entry.major, entry.minor] : [0, 0];
  const nlink = entry.kind === 'dir' ? 2 : 1;
  return headerBytes(entry.path, [ino, mode, 0, 0, nlink, 0, size, 0, 0, rdev[0] ?? 0, rdev[1] ?? 0]);
}

function trailer(): Uint8Array {
  return headerBytes('TRAILER!!!', [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
}

/** `070701`, eleven fields, name size, check 0 (8 hex digits each), then the name and its NUL. */
function headerBytes(name: string, fields: number[]): Uint8Array {
  const nameBytes = Buffer.from(`${name}\0`);
  const hex = [...fields, nameBytes.length, 0].map((n) => n.toString(16).padStart(8, '0')).join('');
  return Buffer.concat([Buffer.from(`070701${hex}`), nameBytes]);
}
