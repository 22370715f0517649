import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterEach, describe, expect, test } from 'vitest';
import { spawnDetached } from './_spawn-detached';

const gate = requireHostTools([{ command: 'sh', debian: 'dash' }]);

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!gate.available)('spawnDetached', () => {
  test('starts the process with its output in the log and hands back its result to await', async () => {
    dir = mkdtempSync(join(tmpdir(), 'vm-spawn-'));
    const log = join(dir, 'child.log');
    // Returns as soon as the process is started: the result is awaited separately.
    const { child } = await spawnDetached('sh', ['-c', 'echo "out $$"; echo err >&2; exit 3'], log);
    expect(child.pid).toBeGreaterThan(0);
    const result = await child;
    expect(result.exitCode).toBe(3);
    const text = readFileSync(log, 'utf8');
    expect(text).toContain(`out ${child.pid}`);
    expect(text).toContain('err');
  });
});
