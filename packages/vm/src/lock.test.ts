import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { VmError } from './errors';
import { acquireLock } from './lock';
import { processStartTime } from './process-start';

/** A live child process (Node itself, so no host tool is needed). */
const liveChild = () => spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);

const dirs: string[] = [];
const lockPath = () => {
  const dir = mkdtempSync(join(tmpdir(), 'wg-lock-'));
  dirs.push(dir);
  return join(dir, 'lock');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('acquireLock', () => {
  test('holds our pid while held and disappears on release', () => {
    const path = lockPath();
    const lock = acquireLock(path, 'vm1');
    expect(readFileSync(path, 'utf8').trim()).toBe(`${process.pid} ${processStartTime(process.pid)}`);
    lock.release();
    lock.release();
    expect(existsSync(path)).toBe(false);
  });

  test('a lock held by a live process is refused, naming the pid', async () => {
    const path = lockPath();
    const holder = liveChild();
    try {
      await new Promise((resolve) => holder.once('spawn', resolve));
      writeFileSync(path, `${holder.pid} ${processStartTime(holder.pid as number)}\n`);
      let error: unknown;
      try {
        acquireLock(path, 'vm1');
      } catch (e) {
        error = e;
      }
      expect(VmError.isInstance(error) && error.code).toBe('instance-locked');
      expect((error as Error).message).toContain(`pid ${holder.pid}`);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  test('a stale lock (its process is gone) is taken over', () => {
    const path = lockPath();
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(path, `${dead}\n`);
    const lock = acquireLock(path, 'vm1');
    expect(readFileSync(path, 'utf8').trim()).toMatch(new RegExp(`^${process.pid}\\b`));
    lock.release();
  });

  test.each([
    [
      'another live process',
      async () => {
        const child = liveChild();
        await new Promise((resolve) => child.once('spawn', resolve));
        return { pid: child.pid as number, done: () => child.kill('SIGKILL') };
      },
    ],
    [
      'this very process (a lock left by an earlier process with our pid)',
      async () => ({
        pid: process.pid,
        done: () => undefined,
      }),
    ],
  ])('a lock whose pid now belongs to %s, started at another time, is stale', async (_what, start) => {
    const path = lockPath();
    const { pid, done } = await start();
    try {
      writeFileSync(path, `${pid} 1\n`); // started 1 tick after boot: not this process
      const lock = acquireLock(path, 'vm1');
      expect(readFileSync(path, 'utf8').trim()).toBe(`${process.pid} ${processStartTime(process.pid)}`);
      lock.release();
      expect(existsSync(path)).toBe(false);
    } finally {
      done();
    }
  });
});
