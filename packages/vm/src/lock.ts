import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { VmError } from './errors';
import { isAlive } from './processes';

/** A held instance lock; `release()` is idempotent. */
export interface InstanceLock {
  release(): void;
}

/**
 * Takes the instance lock: a file created exclusively, holding our pid. A lock whose pid no longer
 * runs (a crashed command) is stale and taken over.
 * @throws VmError `instance-locked` naming the pid that holds it.
 */
export function acquireLock(path: string, name: string): InstanceLock {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let held = true;
      return {
        release() {
          if (held && holder(path) === process.pid) rmSync(path, { force: true });
          held = false;
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = holder(path);
      if (pid !== undefined && pid !== process.pid && isAlive(pid)) {
        throw new VmError(
          'instance-locked',
          `Instance "${name}" is in use by another winguest command (pid ${pid}); wait for it to finish or stop that process.`,
        );
      }
      if (pid === process.pid) {
        throw new VmError('instance-locked', `Instance "${name}" is already being driven by this process.`);
      }
      rmSync(path, { force: true }); // stale: its owner is gone
    }
  }
  throw new VmError('instance-locked', `Could not take the lock ${path}.`);
}

function holder(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
