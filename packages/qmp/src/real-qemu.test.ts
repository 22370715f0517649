import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterEach, describe, expect, test } from 'vitest';
import { connectQmp, QmpCommandError } from './index';

const tools = requireHostTools([{ command: 'qemu-system-x86_64', debian: 'qemu-system-x86' }]);

let qemu: ChildProcess | undefined;
let dir: string | undefined;

afterEach(async () => {
  if (qemu && qemu.exitCode === null && qemu.signalCode === null) {
    qemu.kill('SIGKILL');
    await once(qemu, 'exit');
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!tools.available)('against a real QEMU', () => {
  test('greets, answers typed commands, reports errors and events, and quits cleanly', async () => {
    dir = mkdtempSync(join(tmpdir(), 'winguest-qmp-qemu-'));
    const path = join(dir, 'qmp.sock');
    const args = ['-machine', 'none', '-nodefaults', '-display', 'none', '-S'];
    qemu = spawn('qemu-system-x86_64', [...args, '-qmp', `unix:${path},server=on,wait=off`], {
      stdio: 'ignore',
    });
    const exited = once(qemu, 'exit');
    const qmp = await connectQmp({ path });

    const greeting = await qmp.greeting;
    expect(await qmp.execute('query-version')).toEqual(greeting.version);
    expect(await qmp.execute('query-status')).toMatchObject({ running: false, status: 'prelaunch' });
    await expect(qmp.execute('eject', { id: 'nope' })).rejects.toBeInstanceOf(QmpCommandError);

    const shutdown = qmp.waitForEvent('SHUTDOWN');
    await qmp.quit();
    expect((await shutdown).data).toMatchObject({ guest: false, reason: 'host-qmp-quit' });
    expect(await exited).toEqual([0, null]);
  });
});
