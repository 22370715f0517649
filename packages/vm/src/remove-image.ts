import { rmSync } from 'node:fs';
import { VmError } from './errors';
import { readImageMetadata } from './image-metadata';
import { imagePaths } from './image-paths';
import { instancesUsingImage } from './image-users';
import { acquireLock } from './lock';
import { defaultHome } from './state-dir';

/**
 * Deletes a stored image. Refused while an instance's disk is an overlay on it: those instances
 * would no longer boot.
 * @throws VmError `image-not-found`, `image-in-use` naming the instances, `instance-locked`.
 */
export function removeImage(options: { name: string; home?: string }): void {
  const home = options.home ?? defaultHome();
  const paths = imagePaths(options.name, home);
  readImageMetadata(paths.metadata, options.name);
  const lock = acquireLock(paths.lock, options.name, `Image "${options.name}"`);
  try {
    const users = instancesUsingImage(home, options.name);
    if (users.length > 0) {
      throw new VmError(
        'image-in-use',
        `Image "${options.name}" is the base of ${users.map((u) => `"${u}"`).join(', ')}; remove ${users.length === 1 ? 'that instance' : 'those instances'} first.`,
      );
    }
    rmSync(paths.dir, { recursive: true, force: true });
  } finally {
    lock.release();
  }
}
