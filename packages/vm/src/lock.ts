import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { VmError } from './errors';
import { processStartTime } from './process-start';
import { isAlive } from './processes';

/** A held instance lock; `release()` is idempotent. */
export interface InstanceLock {
  release(): void;
}

/** Who holds a lock: the pid, and that process's start time when it could be read. */
export interface LockHolder {
  pid: number;
  startTime: string | undefined;
}

/**
 * Takes the instance lock: a file created exclusively, holding our pid and our process's start
 * time (see {@link processStartTime}). A lock is stale — and taken over — when its pid no longer
 * runs, or runs but started at another time (the pid was reused by an unrelated process).
 * `subject` names what is locked in errors (default: the instance `name`), e.g. a build folder.
 * @throws VmError `instance-locked` naming the pid that holds it.
 */
export function acquireLock(path: string, name: string, subject = `Instance "${name}"`): InstanceLock {
  const me: LockHolder = { pid: process.pid, startTime: processStartTime(process.pid) };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, `${me.pid}${me.startTime === undefined ? '' : ` ${me.startTime}`}\n`);
      closeSync(fd);
      let held = true;
      return {
        release() {
          if (held && sameHolder(readLockHolder(path), me)) rmSync(path, { force: true });
          held = false;
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLockHolder(path);
      if (holder && sameHolder(holder, me)) {
        throw new VmError('instance-locked', `${subject} is already being driven by this process.`);
      }
      if (holder && holdsStill(holder)) {
        throw new VmError(
          'instance-locked',
          `${subject} is in use by another winguest command (pid ${holder.pid}); wait for it to finish or stop that process.`,
        );
      }
      rmSync(path, { force: true }); // stale: its owner is gone
    }
  }
  throw new VmError('instance-locked', `Could not take the lock ${path}.`);
}

/** The holder written in a lock file; undefined when missing or unreadable. */
export function readLockHolder(path: string): LockHolder | undefined {
  try {
    const [pidText, ...start] = readFileSync(path, 'utf8').trim().split(' ');
    const pid = Number.parseInt(pidText ?? '', 10);
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    return { pid, startTime: start.length > 0 ? start.join(' ') : undefined };
  } catch {
    return undefined;
  }
}

/** Whether the process that wrote `holder` still runs (same pid, same start time when known). */
export function holdsStill(holder: LockHolder): boolean {
  if (!isAlive(holder.pid)) return false;
  if (holder.startTime === undefined) return true; // an older lock, or no way to tell: trust the pid
  const now = processStartTime(holder.pid);
  return now === undefined || now === holder.startTime;
}

function sameHolder(a: LockHolder | undefined, b: LockHolder): boolean {
  return a !== undefined && a.pid === b.pid && (a.startTime ?? b.startTime) === b.startTime;
}
