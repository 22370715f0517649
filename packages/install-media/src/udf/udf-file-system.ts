import { u16, u32 } from '../_bytes';
import { extentSource } from '../_extent-source';
import { readDirectoryData } from '../_limits';
import { type TreeNode, treeFileSystem } from '../_tree';
import { type ByteSource, bufferSource } from '../byte-source';
import type { MediaFileSystem } from '../file-system';
import { expectTag, TagId } from './_tag';
import { parseDirectory } from './directory';
import { readAllocation, type UdfFileEntry } from './file-entry';
import { Partitions } from './partitions';
import { readUdfVolume } from './volume';

/** Opens the UDF volume on `image` (which must carry a UDF recognition sequence). */
export async function openUdf(image: ByteSource): Promise<MediaFileSystem> {
  const volume = await readUdfVolume(image);
  const parts = new Partitions(image, volume);
  const fsd = await parts.readBlock(volume.fileSet.partitionRef, volume.fileSet.block);
  expectTag(fsd, [TagId.fileSet], 'the file set descriptor', volume.fileSet.block);
  const root = node(parts, '', true, { partitionRef: u16(fsd, 408), block: u32(fsd, 404) });
  return treeFileSystem(root, { kind: 'udf', revision: volume.revision, label: volume.label });
}

function node(
  parts: Partitions,
  name: string,
  isDirectory: boolean,
  icb: { partitionRef: number; block: number },
): TreeNode {
  let entry: Promise<UdfFileEntry> | undefined;
  let listing: Promise<TreeNode[]> | undefined;
  const load = () => {
    entry ??= readAllocation(parts, icb.partitionRef, icb.block);
    return entry;
  };
  const what = `UDF: ${isDirectory ? 'the directory' : 'the file'} ${JSON.stringify(name || '/')} (file entry at block ${icb.block})`;
  const content = async () => {
    const e = await load();
    return e.inline ? bufferSource(e.inline) : extentSource(parts.image, e.extents, e.size, what);
  };
  return {
    name,
    isDirectory,
    size: async () => (await load()).size,
    content,
    children() {
      listing ??= content().then(async (data) =>
        parseDirectory(await readDirectoryData(data, what)).map((fid) =>
          node(parts, fid.name, fid.isDirectory, fid.icb),
        ),
      );
      return listing;
    },
  };
}
