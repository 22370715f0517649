import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isAlive } from './process-alive';
import { randomBytesFromSystem } from './random-bytes';

/** `.<name>.<pid>.<random hex>.tmp`: hidden, and naming the process that writes it. */
const tempName = /^\..*\.(\d+)\.[0-9a-f]{8,}\.tmp$/;

/**
 * A temporary path beside `target` (same folder, so the final rename is atomic), named
 * `.<name>.<pid>.<random>.tmp` so that a later run can tell a crashed writer's leftovers
 * ({@link removeStaleTempFiles}). Every winguest writer that renames into place uses it.
 */
export function tempPathFor(target: string): string {
  return join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytesFromSystem(6).toString('hex')}.tmp`,
  );
}

/** The pid in a name made by {@link tempPathFor}, or undefined for any other name. */
export function tempFileOwner(name: string): number | undefined {
  const pid = tempName.exec(name)?.[1];
  return pid === undefined ? undefined : Number(pid);
}

/**
 * Removes the temporary files and folders in `dir` (not below) left by processes that no longer
 * run: a Ctrl-C, kill or crash between writing and renaming. Files of live processes, and any
 * name not made by {@link tempPathFor}, are left alone. Returns the names removed.
 */
export function removeStaleTempFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = tempFileOwner(name);
    if (pid === undefined || pid === process.pid || isAlive(pid)) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
