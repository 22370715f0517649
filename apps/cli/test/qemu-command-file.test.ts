import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectQmp } from '@winguest/qmp';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from './run-cli';

const tools = requireHostTools([
  { command: 'qemu-system-x86_64', debian: 'qemu-system-x86' },
  { command: 'qemu-img', debian: 'qemu-utils' },
]);

describe.skipIf(!tools.available)('the qemu.sh that winguest build writes', () => {
  let dir: string;
  let qemu: ChildProcess | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'winguest cli, qemu-'));
  });
  afterAll(() => {
    qemu?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  test('boots QEMU (paused, TCG) with the Windows ISO, then our media, in the documented order', async () => {
    mkdirSync(join(dir, 'home'));
    writeFileSync(join(dir, 'winguest.yaml'), 'vm:\n  accelerator: tcg\n  memoryMiB: 1024\n');
    const windowsIso = join(dir, 'Win11, English.iso');
    truncateSync(writeFileAndReturn(windowsIso), 4 << 20);
    const result = await runCli(['build', '--out', 'vm'], { cwd: dir, env: { HOME: join(dir, 'home') } });
    expect(result.exitCode, result.stderr).toBe(0);

    qemu = spawn('sh', [join(dir, 'vm', 'qemu.sh'), windowsIso, '-S'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    qemu.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    const qmp = await connectQmp({ path: join(dir, 'vm', 'qmp.sock') }, { timeoutMs: 15_000 });
    try {
      const status = (await qmp.execute('query-status')) as { status: string };
      expect(status.status).toBe('prelaunch');
      const block = (await qmp.execute('query-block')) as Array<{
        device: string;
        qdev?: string;
        inserted?: { file: string };
      }>;
      const media = block
        .filter((b) => b.inserted && /^cd-/.test(b.qdev ?? b.device))
        .map((b) => [b.qdev ?? b.device, b.inserted?.file]);
      expect(media).toEqual([
        ['cd-windows', windowsIso],
        ['cd-cidata', 'cidata.iso'],
      ]);
      const disk = block.find((b) => (b.qdev ?? b.device) === 'disk0');
      expect(disk?.inserted?.file).toBe('disk.qcow2');
    } finally {
      await qmp.quit();
    }
    const code = await new Promise((resolve) => qemu?.once('exit', resolve));
    expect(code, stderr).toBe(0);
  });
});

function writeFileAndReturn(path: string): string {
  writeFileSync(path, '');
  return path;
}
