import { rmSync } from 'node:fs';
import { VmError } from './errors';
import { haltInstance } from './halt';
import { type InstanceRef, openInstance } from './instance';
import { acquireLock } from './lock';
import { runningPid } from './processes';
import { haltVirtiofsd } from './virtiofsd';

/**
 * Deletes an instance and everything in its directory — the only operation that deletes a disk.
 * A running instance is refused unless `force`, which ends QEMU and swtpm first.
 * @throws VmError `instance-not-found`, `instance-running`, `instance-locked`.
 */
export async function removeInstance(options: InstanceRef & { force?: boolean }): Promise<void> {
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
    rmSync(paths.dir, { recursive: true, force: true });
  } finally {
    lock.release();
  }
}
