import type { MediaFileSystem } from '../file-system';
import { type MediaFile, mediaFile } from './media-file';
import { listFiles } from './walk';

/** A file to put on the cidata media, at `target` below `$WinPEDriver$/`. */
export interface StagedDriverFile extends MediaFile {
  /** Path below `$WinPEDriver$/`, e.g. `viostor/viostor.inf`. */
  target: string;
}

/** Every file below `from` on the media except debug symbols (`.pdb`), to go to `$WinPEDriver$/<name>/…`. */
export async function stageFiles(
  fs: MediaFileSystem,
  from: string,
  name: string,
): Promise<StagedDriverFile[]> {
  const relative = (await listFiles(fs, from)).filter((p) => !p.toLowerCase().endsWith('.pdb'));
  return Promise.all(
    relative.map(async (path) => ({
      ...(await mediaFile(fs, from === '' ? path : `${from}/${path}`)),
      target: `${name}/${path}`,
    })),
  );
}
