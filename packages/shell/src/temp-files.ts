import { closeSync, openSync, readdirSync, readSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isAlive } from './process-alive';

/** `.<name>.<pid>.<random hex>.tmp`: hidden, and naming the process that writes it. */
const tempName = /^\..*\.(\d+)\.[0-9a-f]{8,}\.tmp$/;

/**
 * A temporary path beside `target` (same folder, so the final rename is atomic), named
 * `.<name>.<pid>.<random>.tmp` so that a later run can tell a crashed writer's leftovers
 * ({@link removeStaleTempFiles}). Every winguest writer that renames into place uses it.
 */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomHex(6)}.tmp`);
}

/**
 * `bytes` bytes from the kernel's generator as hex: read from /dev/urandom where there is one, the
 * same source as node:crypto, without loading Web Crypto or node:crypto, whose first use costs
 * 4–11 ms of a cold ESM start (measured on the 2-core machine); Web Crypto elsewhere (Windows).
 */
function randomHex(bytes: number): string {
  const out = Buffer.alloc(bytes);
  let got = 0;
  try {
    const fd = openSync('/dev/urandom', 'r');
    try {
      got = readSync(fd, out, 0, bytes, null);
    } finally {
      closeSync(fd);
    }
  } catch {
    // no /dev/urandom: Web Crypto below
  }
  if (got !== bytes) globalThis.crypto.getRandomValues(out);
  return out.toString('hex');
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
