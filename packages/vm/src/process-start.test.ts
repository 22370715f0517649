import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { processStartTime } from './process-start';

describe('processStartTime', () => {
  test.skipIf(process.platform === 'win32')('is stable for one process and differs for another', async () => {
    const mine = processStartTime(process.pid);
    expect(mine).toBeDefined();
    expect(processStartTime(process.pid)).toBe(mine);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // ps resolves to the second
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      await new Promise((resolve) => child.once('spawn', resolve));
      const theirs = processStartTime(child.pid as number);
      expect(theirs).toBeDefined();
      expect(theirs).not.toBe(mine);
    } finally {
      child.kill('SIGKILL');
    }
  });

  test('is undefined for a process that no longer exists', () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid as number;
    expect(processStartTime(gone)).toBeUndefined();
  });

  test('is undefined on Windows (a lock then trusts the pid alone)', () => {
    expect(processStartTime(process.pid, 'win32')).toBeUndefined();
  });
});
