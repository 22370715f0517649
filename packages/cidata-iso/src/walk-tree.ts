import { lstatSync, readdirSync, readlinkSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedEntry } from './build-tree';
import { type LayoutIssue, SourceMissingError } from './errors';
import type { TimeSlice } from './time-slice';

/** What a host tree expands to: its entries, and every link or special file found in it. */
export interface WalkedTree {
  entries: ResolvedEntry[];
  issues: LayoutIssue[];
}

/**
 * Expands a host directory (sorted, depth first) into image entries. Symbolic links inside the tree
 * are never followed, so a link cannot pull a file from outside it (`/etc/shadow`) or an endless one
 * (`/dev/zero`) onto the image; they and special files (FIFOs, sockets, devices) are reported as
 * issues, all at once, without being opened. The tree's root may itself be a link. The calls are
 * synchronous (one lstat is microseconds, a promise per entry a thread-pool round trip, which
 * dominated walking trees of thousands of small files); the walk pauses between entries whenever
 * `slice` says its time is up.
 */
export async function walkTree(
  imagePath: string,
  hostDir: string,
  where: string,
  slice: TimeSlice,
  into?: WalkedTree,
): Promise<WalkedTree> {
  const walked = into ?? { entries: [], issues: [] };
  let names: string[];
  try {
    names = readdirSync(hostDir).sort();
  } catch (error) {
    throw new SourceMissingError(imagePath, hostDir, error);
  }
  if (imagePath !== '') walked.entries.push({ type: 'directory', path: imagePath, where });
  // join(hostDir, name) for every name (none holds a separator or is "." / ".."), normalising once
  // per directory rather than once per entry.
  const prefix = join(hostDir, '_').slice(0, -1);
  for (const name of names) {
    if (slice.due()) await slice.pause();
    const host = `${prefix}${name}`;
    const path = imagePath === '' ? name : `${imagePath}/${name}`;
    let info: Stats;
    try {
      info = lstatSync(host);
    } catch (error) {
      throw new SourceMissingError(path, host, error);
    }
    if (info.isDirectory()) await walkTree(path, host, where, slice, walked);
    else if (info.isFile()) {
      const source = { path: host };
      walked.entries.push({ type: 'file', path, source, size: info.size, where: `${where} (${host})` });
    } else walked.issues.push({ path: where, message: refusal(path, host, info) });
  }
  return walked;
}

function refusal(path: string, host: string, info: Stats): string {
  if (info.isSymbolicLink()) {
    let target = '?';
    try {
      target = readlinkSync(host);
    } catch {
      // unreadable link: the message still names it
    }
    return `"${path}" is a symbolic link (${host} → ${target}); links inside a tree are not followed, so nothing outside it can reach the image: replace the link with a copy of its target (cp -L) if it belongs on the image, or remove it`;
  }
  const kind = info.isFIFO()
    ? 'a FIFO'
    : info.isSocket()
      ? 'a socket'
      : info.isCharacterDevice()
        ? 'a character device'
        : info.isBlockDevice()
          ? 'a block device'
          : 'not a regular file';
  return `"${path}" is ${kind} (${host}); only regular files and directories can go on the image, remove it from the tree`;
}
