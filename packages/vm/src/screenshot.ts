import { connectQmp } from '@winguest/qmp';
import { VmError } from './errors';
import { type InstanceRef, openInstance } from './instance';
import { acquireLock } from './lock';
import { runningPid } from './processes';
import { ScreenshotTaker } from './screenshots';

/**
 * Saves a PNG screenshot of a running instance into its screenshots directory and returns the
 * path. While `up` drives the instance it holds the lock (and takes screenshots itself).
 * @throws VmError `not-running`, `instance-locked`, `instance-not-found`.
 */
export async function takeScreenshot(ref: InstanceRef): Promise<string> {
  const { paths, config } = openInstance(ref);
  const lock = acquireLock(paths.lock, config.name);
  try {
    if (runningPid(paths.qemuPid) === undefined) {
      throw new VmError('not-running', `Instance "${config.name}" is not running; start it first.`);
    }
    const qmp = await connectQmp({ path: paths.qmpSocket }, { timeoutMs: 10_000 });
    try {
      return await new ScreenshotTaker(paths.screenshots).take(qmp, 'manual');
    } finally {
      await qmp.close();
    }
  } finally {
    lock.release();
  }
}
