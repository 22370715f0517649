import { createWriteStream } from 'node:fs';
import { copyFile, link, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { TreeDirectory, TreeFile, TreeNode } from '../build-tree';
import { sourceChunks } from '../source-chunks';

/** What a tool reads: a mkisofs path list (`image/path=host/path` lines) or a staged directory tree. */
export interface StagedInput {
  pathList: string;
  stagedRoot: string;
}

/**
 * Prepares a checked tree for an external tool inside the private directory `staging`. For the
 * mkisofs family, files on disk are grafted where they are and only in-memory or streamed sources
 * are written out; `copyTree` (for hdiutil, which takes one folder) builds a full copy, hard-linking
 * files on disk when it can.
 */
export async function stage(root: TreeDirectory, staging: string, copyTree: boolean): Promise<StagedInput> {
  const stagedRoot = join(staging, 'root');
  const blobs = join(staging, 'blobs');
  await mkdir(copyTree ? stagedRoot : join(blobs, 'empty'), { recursive: true });
  const lines: string[] = [];
  let count = 0;
  const visit = async (node: TreeNode): Promise<void> => {
    if (node.kind === 'directory') {
      if (copyTree) await mkdir(join(stagedRoot, node.path), { recursive: true });
      else if (node.children.length === 0 && node.path)
        lines.push(graft(`${node.path}/`, join(blobs, 'empty')));
      for (const child of node.children) await visit(child);
      return;
    }
    const target = copyTree ? join(stagedRoot, node.path) : join(blobs, String(count++));
    const hostPath = await materialise(node, target, copyTree);
    lines.push(graft(node.path, hostPath));
  };
  await visit(root);
  const pathList = join(staging, 'path-list');
  await writeFile(pathList, `${lines.join('\n')}\n`);
  return { pathList, stagedRoot };
}

/** Writes (or links) a file's source to `target` when needed; returns the host path to graft. */
async function materialise(file: TreeFile, target: string, copyTree: boolean): Promise<string> {
  const { source } = file;
  if (typeof source === 'object' && 'path' in source) {
    if (!copyTree) return source.path;
    await link(source.path, target).catch(() => copyFile(source.path, target));
    return target;
  }
  await pipeline(sourceChunks(file, source), createWriteStream(target, { mode: 0o600 }));
  return target;
}

/** A mkisofs graft point; `\` and `=` are escaped on both sides. */
function graft(imagePath: string, hostPath: string): string {
  const quote = (text: string) => text.replace(/[\\=]/g, '\\$&');
  return `${quote(imagePath)}=${quote(hostPath)}`;
}
