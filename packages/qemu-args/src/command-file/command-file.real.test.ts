import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectQmp } from '@winguest/qmp';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { QemuHarness } from '../__fixtures__/qemu-harness';
import { mediaIds, renderCommandFile, type VmSpecInput } from '../index';
import { probeFirmware } from '../probe/index';

const tools = requireHostTools([
  { command: 'sh', debian: 'dash' },
  { command: 'qemu-system-x86_64', debian: 'qemu-system-x86' },
  { command: 'qemu-system-aarch64', debian: 'qemu-system-arm' },
  { command: 'qemu-img', debian: 'qemu-utils' },
  { command: 'swtpm', debian: 'swtpm' },
]);

const profiles: Array<[string, Omit<VmSpecInput, 'disk' | 'media' | 'network'>]> = [
  ['UEFI', { arch: 'amd64', firmware: 'uefi', memoryMiB: 512 }],
  ['BIOS', { arch: 'amd64', firmware: 'bios', memoryMiB: 512 }],
  ['Secure Boot + TPM', { arch: 'amd64', firmware: 'uefi', secureBoot: true, tpm: true, memoryMiB: 512 }],
  ['arm64 under TCG', { arch: 'arm64', firmware: 'uefi', memoryMiB: 512 }],
];

let harness: QemuHarness;
const scripts: ChildProcess[] = [];
beforeEach(() => {
  harness = new QemuHarness();
});
afterEach(async () => {
  for (const child of scripts.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await harness.cleanup();
});

describe.skipIf(!tools.available)('qemu.sh, run for real from a folder named "wg q,a-…"', () => {
  test.each(profiles)(
    '%s: prepares its files, boots paused with the ISO given, quits over QMP',
    async (_, profile) => {
      const dir = join(harness.tempDir(true), 'build, 1');
      mkdirSync(dir);
      const builtIn = harness.iso(dir, 'built in, default.iso');
      const given = harness.iso(dir, "Win 11, it's.iso");
      harness.iso(dir, 'cidata.iso');
      const fw =
        profile.firmware === 'uefi'
          ? probeFirmware({ arch: profile.arch, secureBoot: !!profile.secureBoot })
          : undefined;
      if (fw && !fw.available) throw new Error(fw.reason);
      const file = renderCommandFile({
        shell: 'posix',
        spec: {
          ...profile,
          disk: { path: 'disk.qcow2' },
          media: { windows: builtIn, cidata: 'cidata.iso' },
          network: { ssh: await freePort() },
        },
        host: {
          binary: profile.arch === 'amd64' ? 'qemu-system-x86_64' : 'qemu-system-aarch64',
          accelerator: 'tcg',
          ...(fw?.available ? { firmware: fw.firmware, varsPath: 'vars.qcow2', varsFormat: 'qcow2' } : {}),
          qmp: { path: 'qmp.sock' },
          serialLog: 'serial.log',
          pidFile: 'qemu.pid',
          ...(profile.tpm ? { tpmSocket: 'tpm.sock' } : {}),
        },
        diskSizeGiB: 1,
      });
      writeFileSync(join(dir, file.name), file.text, { mode: 0o755 });
      execFileSync('sh', ['-n', join(dir, file.name)]);

      // From another folder, with a relative ISO path and an extra QEMU argument (-S: stay paused).
      const script = spawn('sh', [join(dir, file.name), join('build, 1', "Win 11, it's.iso"), '-S'], {
        cwd: join(dir, '..'),
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      scripts.push(script);
      let stderr = '';
      script.stderr?.on('data', (chunk) => {
        stderr += chunk;
      });
      const qmpPath = join(dir, 'qmp.sock');
      for (let i = 0; i < 400 && !existsSync(qmpPath) && script.exitCode === null; i++) await sleep(25);
      const qmp = await connectQmp({ path: qmpPath }, { timeoutMs: 30_000 });
      try {
        expect(await qmp.execute('query-status')).toMatchObject({ status: 'prelaunch' });
        const block = await qmp.execute('query-block');
        const files = Object.fromEntries(block.map((b) => [b.device, b.inserted?.file]));
        expect(files[mediaIds.windows], JSON.stringify(files)).toBe(given);
        if (fw?.available) {
          // The script converted the template; QEMU opened the vars pflash as qcow2 (savevm needs it).
          const vars = block.find((b) => b.device === 'pflash1')?.inserted;
          expect(vars, JSON.stringify(block)).toMatchObject({
            file: 'vars.qcow2',
            drv: 'qcow2',
            ro: false,
          });
        }
        if (profile.tpm) {
          const tpm = (await qmp.execute('query-tpm')) as Array<{ model: string }>;
          expect(tpm.length, stderr).toBe(1);
          expect(readdirSync(join(dir, 'tpm')).length).toBeGreaterThan(0); // swtpm wrote its state there
        }
      } finally {
        await qmp.quit();
      }
      const [code] = await once(script, 'exit');
      expect(code, stderr).toBe(0);
      expect(existsSync(join(dir, 'disk.qcow2'))).toBe(true);
      if (fw?.available && fw.firmware.varsTemplate) {
        const info = JSON.parse(
          execFileSync('qemu-img', ['info', '--output=json', join(dir, 'vars.qcow2')], { encoding: 'utf8' }),
        );
        expect(info).toMatchObject({
          format: 'qcow2',
          'virtual-size': statSync(fw.firmware.varsTemplate).size,
        });
      }
      if (profile.tpm) {
        // swtpm ends with QEMU: nothing of this folder keeps running.
        await sleep(300);
        expect(processesUsing(dir)).toEqual([]);
      }
    },
    60_000,
  );

  test('without a built-in ISO the script asks for one and starts nothing', async () => {
    const dir = harness.tempDir(true);
    const file = renderCommandFile({
      shell: 'posix',
      spec: { arch: 'amd64', firmware: 'bios', disk: { path: 'disk.qcow2' }, media: {} },
      host: { binary: 'qemu-system-x86_64', accelerator: 'tcg', qmp: { path: 'qmp.sock' } },
      diskSizeGiB: 1,
    });
    writeFileSync(join(dir, 'qemu.sh'), file.text);
    const script = spawn('sh', [join(dir, 'qemu.sh')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    script.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    const [code] = await once(script, 'exit');
    expect(code).not.toBe(0);
    expect(stderr).toContain('usage: ./qemu.sh path/to/windows.iso');
    expect(existsSync(join(dir, 'disk.qcow2'))).toBe(false);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Live processes whose working directory is `dir` (Linux /proc). */
function processesUsing(dir: string): string[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return cmdline.includes('swtpm') && readFileSync(`/proc/${pid}/environ`, 'utf8').includes(dir)
          ? [cmdline]
          : [];
      } catch {
        return [];
      }
    });
}
