import { cp, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { IsoLayout } from '@winguest/cidata-iso';

/**
 * Writes a cidata layout into a folder instead of an ISO: the same paths and bytes the guest would
 * read from the media, for a runner that executes the script without a VM. `folder` must not exist
 * yet (a half-written media folder from an earlier run would hide a missing file).
 */
export async function writeMediaFolder(layout: IsoLayout, folder: string): Promise<string[]> {
  await mkdir(folder, { recursive: false });
  const written: string[] = [];
  for (const entry of layout) {
    const target = join(folder, ...entry.path.split('/'));
    if (entry.type === 'directory') {
      await mkdir(target, { recursive: true });
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    if (entry.type === 'tree') {
      await cp(entry.from, target, { recursive: true, errorOnExist: true });
    } else if (typeof entry.source === 'string' || entry.source instanceof Uint8Array) {
      await writeFile(target, entry.source, { flag: 'wx' });
    } else if ('path' in entry.source) {
      await cp(entry.source.path, target, { errorOnExist: true });
    } else {
      const chunks: Uint8Array[] = [];
      for await (const chunk of entry.source.open()) chunks.push(chunk);
      await writeFile(target, Buffer.concat(chunks), { flag: 'wx' });
    }
    written.push(entry.path);
  }
  return written;
}
