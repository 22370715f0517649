import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { VmError } from './errors';
import { acquireLock } from './lock';

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
    expect(readFileSync(path, 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    lock.release();
    expect(existsSync(path)).toBe(false);
  });

  test('a lock held by a live process is refused, naming the pid', async () => {
    const path = lockPath();
    const holder = spawn('sleep', ['30']);
    try {
      writeFileSync(path, `${holder.pid}\n`);
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
    const dead = spawnSync('true').pid;
    writeFileSync(path, `${dead}\n`);
    const lock = acquireLock(path, 'vm1');
    expect(readFileSync(path, 'utf8').trim()).toBe(String(process.pid));
    lock.release();
  });
});
