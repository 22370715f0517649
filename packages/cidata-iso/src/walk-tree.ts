import type { Stats } from 'node:fs';
import { lstat, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResolvedEntry } from './build-tree';
import { type LayoutIssue, SourceMissingError } from './errors';

/** What a host tree expands to: its entries, and every link or special file found in it. */
export interface WalkedTree {
  entries: ResolvedEntry[];
  issues: LayoutIssue[];
}

/**
 * Expands a host directory (sorted, depth first) into image entries. Symbolic links inside the tree
 * are never followed, so a link cannot pull a file from outside it (`/etc/shadow`) or an endless one
 * (`/dev/zero`) onto the image; they and special files (FIFOs, sockets, devices) are reported as
 * issues, all at once, without being opened. The tree's root may itself be a link.
 */
export async function walkTree(imagePath: string, hostDir: string, where: string): Promise<WalkedTree> {
  let names: string[];
  try {
    names = (await readdir(hostDir)).sort();
  } catch (error) {
    throw new SourceMissingError(imagePath, hostDir, error);
  }
  const here: ResolvedEntry[] = imagePath === '' ? [] : [{ type: 'directory', path: imagePath, where }];
  const children = await Promise.all(
    names.map(async (name): Promise<WalkedTree> => {
      const host = join(hostDir, name);
      const path = imagePath === '' ? name : `${imagePath}/${name}`;
      const info = await lstat(host).catch((error: unknown) => {
        throw new SourceMissingError(path, host, error);
      });
      if (info.isDirectory()) return walkTree(path, host, where);
      if (info.isFile()) {
        const source = { path: host };
        return {
          entries: [{ type: 'file', path, source, size: info.size, where: `${where} (${host})` }],
          issues: [],
        };
      }
      return { entries: [], issues: [{ path: where, message: await refusal(path, host, info) }] };
    }),
  );
  return {
    entries: [...here, ...children.flatMap((c) => c.entries)],
    issues: children.flatMap((c) => c.issues),
  };
}

async function refusal(path: string, host: string, info: Stats): Promise<string> {
  if (info.isSymbolicLink()) {
    const target = await readlink(host).catch(() => '?');
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
