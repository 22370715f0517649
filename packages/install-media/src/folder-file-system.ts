import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type TreeNode, treeFileSystem } from './_tree';
import type { ByteSource } from './byte-source';
import type { MediaFileSystem } from './file-system';

/**
 * A host directory seen through the same read-only interface as an image, so code that reads media
 * (driver selection) works on an extracted ISO or a user's folder alike. Lookups ignore case; each
 * read opens and closes the file, so nothing stays open.
 */
export function openFolderFileSystem(root: string): MediaFileSystem {
  return treeFileSystem(folderNode(root, '', true), { kind: 'folder', revision: undefined, label: root });
}

function folderNode(path: string, name: string, isDirectory: boolean): TreeNode {
  let listing: Promise<TreeNode[]> | undefined;
  return {
    name,
    isDirectory,
    size: async () => (await stat(path)).size,
    children() {
      listing ??= readdir(path, { withFileTypes: true }).then((entries) =>
        entries
          .filter((e) => e.isDirectory() || e.isFile())
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
          .map((e) => folderNode(join(path, e.name), e.name, e.isDirectory())),
      );
      return listing;
    },
    content: async () => fileSource(path, (await stat(path)).size),
  };
}

function fileSource(path: string, size: number): ByteSource {
  return {
    size,
    async read(offset, length) {
      const handle = await open(path, 'r');
      try {
        const buffer = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
  };
}
