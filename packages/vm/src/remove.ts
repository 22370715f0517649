import { rmSync } from 'node:fs';
import { rollBackUnfinished } from './create-staged';
import { VmError } from './errors';
import { haltInstance, haltSshAgent } from './halt';
import { type InstanceRef, openInstance } from './instance';
import { instanceNameSchema } from './instance-name';
import { instancePaths } from './instance-paths';
import { acquireLock } from './lock';
import { runningPid } from './processes';
import { defaultHome } from './state-dir';
import { haltVirtiofsd } from './virtiofsd';

/**
 * Deletes an instance and everything in its directory — the only operation that deletes a disk.
 * A running instance is refused unless `force`, which ends QEMU and swtpm first. A folder left
 * unfinished by an earlier version's failed create (no state file) is removed too.
 * @throws VmError `instance-not-found`, `instance-running`, `instance-locked`.
 */
export async function removeInstance(options: InstanceRef & { force?: boolean }): Promise<void> {
  // A folder an earlier version left unfinished (no state file) is not an instance: just remove it.
  // The name is checked first: it becomes a path that is deleted.
  const named = instanceNameSchema.safeParse(options.name).success;
  if (named && rollBackUnfinished(instancePaths(options.name, options.home ?? defaultHome()))) return;
  const { paths, config } = openInstance(options);
  const lock = acquireLock(paths.lock, config.name);
  try {
    const pid = runningPid(paths.qemuPid);
    if (pid !== undefined) {
      if (!options.force) {
        throw new VmError(
          'instance-running',
          `Instance "${config.name}" is running (QEMU pid ${pid}); stop it first or use force.`,
        );
      }
      await haltInstance(paths);
    }
    await haltVirtiofsd(paths); // a QEMU killed from outside can leave one behind
    await haltSshAgent(paths);
    rmSync(paths.dir, { recursive: true, force: true });
  } finally {
    lock.release();
  }
}
