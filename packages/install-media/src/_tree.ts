import type { ByteSource } from './byte-source';
import { FileSystemError } from './errors';
import type { DirectoryEntry, MediaFileSystem } from './file-system';

/** A file or directory as a concrete file-system reader exposes it; details are read lazily. */
export interface TreeNode {
  name: string;
  isDirectory: boolean;
  size(): Promise<number>;
  children(): Promise<TreeNode[]>;
  content(): Promise<ByteSource>;
}

type Meta = Pick<MediaFileSystem, 'kind' | 'revision' | 'label'>;

/** Builds path lookup (case-insensitive, as Windows Setup sees the media) over a root node. */
export function treeFileSystem(root: TreeNode, meta: Meta): MediaFileSystem {
  async function find(path: string): Promise<TreeNode | undefined> {
    let node: TreeNode | undefined = root;
    for (const part of path.split('/').filter((p) => p !== '' && p !== '.')) {
      if (!node?.isDirectory) return undefined;
      const wanted = part.toLowerCase();
      node = (await node.children()).find((child) => child.name.toLowerCase() === wanted);
    }
    return node;
  }
  return {
    ...meta,
    async readDirectory(path) {
      const node = await find(path);
      if (!node?.isDirectory) {
        throw new FileSystemError('corrupt-filesystem', `"${path}" is not a directory on this image.`);
      }
      const children = await node.children();
      return Promise.all(
        children.map(
          async (child): Promise<DirectoryEntry> => ({
            name: child.name,
            isDirectory: child.isDirectory,
            size: child.isDirectory ? 0 : await child.size(),
          }),
        ),
      );
    },
    async openFile(path) {
      const node = await find(path);
      return node && !node.isDirectory ? node.content() : undefined;
    },
  };
}
