import { access, link, rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { tempPathFor } from '@winguest/shell';
import { CidataIsoError, DestinationExistsError, WriteFailedError } from './errors';

/** How a finished temporary file replaces (or refuses to replace) the destination. */
export interface SafeOutputOptions {
  /** Replace an existing destination. Default false: an existing file is an error. */
  overwrite?: boolean;
}

/**
 * Runs `produce` against a fresh temporary path beside `destination` (same directory, so the final
 * rename is atomic) and moves the result into place only when it succeeds. On any failure the
 * temporary file is removed and the destination is left as it was.
 */
export async function writeViaTempFile<T>(
  destination: string,
  options: SafeOutputOptions,
  produce: (tempPath: string) => Promise<T>,
): Promise<T> {
  const target = resolve(destination);
  if (!options.overwrite && (await exists(target))) throw new DestinationExistsError(target);
  const temp = tempPathFor(target); // names our pid: a crashed run's file is found and removed later
  try {
    const result = await produce(temp);
    await publish(temp, target, options.overwrite ?? false);
    return result;
  } catch (error) {
    await rm(temp, { force: true, recursive: true });
    if (CidataIsoError.isInstance(error)) throw error;
    throw new WriteFailedError(target, error);
  }
}

async function publish(temp: string, target: string, overwrite: boolean): Promise<void> {
  if (overwrite) return rename(temp, target);
  try {
    // link() fails if the target exists, so a file created meanwhile is never replaced.
    await link(temp, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new DestinationExistsError(target);
    // Filesystems without hard links (FAT, some network shares): check, then rename.
    if (await exists(target)) throw new DestinationExistsError(target);
    return rename(temp, target);
  }
  await rm(temp, { force: true });
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
