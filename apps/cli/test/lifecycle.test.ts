import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildStandinGuest, defaultStandinCacheDir, standinKernelCmdline } from '@winguest/standin-guest';
import { buildFakeInstallIso, installIsoTools } from '@winguest/test-media';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { type UpJsonLine, upJsonLineSchema } from '@winguest/vm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cliPath, runCli } from './run-cli';

// The stand-in guest (a Linux kernel + initramfs that behaves like our Windows install: progress
// lines, one reboot, SSH with the key from our media) boots under TCG with the arguments `up` builds.
const tools = requireHostTools([
  { command: 'qemu-system-x86_64', debian: 'qemu-system-x86' },
  { command: 'qemu-img', debian: 'qemu-utils' },
  { command: 'apt-get', debian: 'apt' },
  { command: 'dpkg-deb', debian: 'dpkg' },
  ...installIsoTools,
]);

/** `up --json` lines, each checked against the published schema that other programs read it with. */
function ndjson(stdout: string): UpJsonLine[] {
  return stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => upJsonLineSchema.parse(JSON.parse(line)));
}

/** Whether a process still runs (a zombie waiting for its parent to reap it does not count). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Waits up to `ms` for a process to be gone; QEMU may take a moment to exit after its parent. */
async function gone(pid: number, ms = 10_000): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; ) {
    if (!alive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !alive(pid);
}

describe.skipIf(!tools.available)(
  'winguest up / ssh / ls / logs / screenshot / stop / start / rm with the stand-in guest',
  () => {
    let dir: string;
    let env: Record<string, string>;
    let iso: string;
    const pids: number[] = [];
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'winguest-cli-lifecycle-'));
      const guest = await buildStandinGuest({ cacheDir: defaultStandinCacheDir() });
      iso = buildFakeInstallIso({ dir });
      const config = (append: string) =>
        [
          'family: windows11',
          'firmware: bios',
          'user:',
          '  name: root',
          'vm:',
          '  accelerator: tcg',
          '  memoryMiB: 1024',
          '  kernel:',
          `    kernel: ${JSON.stringify(guest.kernel)}`,
          `    initrd: ${JSON.stringify(guest.initrd)}`,
          `    append: ${JSON.stringify(append)}`,
          '',
        ].join('\n');
      writeFileSync(
        join(dir, 'winguest.yaml'),
        config(standinKernelCmdline({ script: 'winguest/first-logon.ps1' })),
      );
      writeFileSync(
        join(dir, 'slow.yaml'),
        config(standinKernelCmdline({ script: 'winguest/first-logon.ps1', stageDelay: 30 })),
      );
      mkdirSync(join(dir, 'home'));
      env = {
        WINGUEST_HOME: join(dir, 'instances'),
        HOME: join(dir, 'home'),
        WINGUEST_PASSWORD: 'Stand-in-1',
      };
    }, 600_000);
    afterAll(async () => {
      await runCli(['rm', 't1', '--force'], { cwd: dir, env });
      await runCli(['rm', 't2', '--force'], { cwd: dir, env });
      for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    });

    test('up installs through every stage to ready, ejects the media, and hands back SSH', async () => {
      const result = await runCli(['up', 't1', '--iso', iso, '--detach', '--json'], { cwd: dir, env });
      const lines = ndjson(result.stdout);
      const last = lines.at(-1);
      expect(result.exitCode, `${result.stderr}\n${JSON.stringify(last)}`).toBe(0);
      expect(last?.type).toBe('result');
      pids.push(last?.pid as number);
      const stages = lines.filter((l) => l.type === 'event' && l.event === 'stage').map((l) => l.stage);
      expect(stages).toEqual([
        'firmware',
        'setup',
        'applying-image',
        'specialize',
        'oobe',
        'first-logon',
        'provisioning',
        'ready',
      ]);
      expect(lines.some((l) => l.event === 'reboot')).toBe(true);
      expect(last).toMatchObject({
        name: 't1',
        mode: 'install',
        ejected: expect.arrayContaining(['cd-windows', 'cd-cidata']),
      });

      const hostname = await runCli(['ssh', 't1', '--', 'uname', '-s'], { cwd: dir, env });
      expect(hostname).toMatchObject({ exitCode: 0, stdout: 'Linux\n' });
      const exit3 = await runCli(['ssh', 't1', '--', 'exit 3'], { cwd: dir, env });
      expect(exit3.exitCode).toBe(3);

      // winguest cp round-trips a file with a Unicode name (SFTP, no ssh client involved).
      const name = 'Grüße 文件 ✓.txt';
      writeFileSync(join(dir, name), 'über die Grenze\n');
      const put = await runCli(['cp', name, 't1:/root/'], { cwd: dir, env });
      expect(put.exitCode, put.stderr).toBe(0);
      expect(put.stdout).toContain(`/root/${name}`);
      mkdirSync(join(dir, 'back'));
      const get = await runCli(['cp', '--json', `t1:/root/${name}`, 'back'], { cwd: dir, env });
      expect(JSON.parse(get.stdout)).toEqual({
        from: `/root/${name}`,
        to: join(dir, 'back', name),
        bytes: 17,
      });
      expect(readFileSync(join(dir, 'back', name), 'utf8')).toBe('über die Grenze\n');
      const neither = await runCli(['cp', name, 'elsewhere.txt'], { cwd: dir, env });
      expect(neither.exitCode).toBe(2);
      expect(neither.stderr).toMatch(/names an instance/);

      const ls = JSON.parse((await runCli(['ls', '--json'], { cwd: dir, env })).stdout);
      expect(ls).toEqual([
        expect.objectContaining({ name: 't1', state: 'ready', running: true, arch: 'amd64' }),
      ]);
      const logs = await runCli(['logs', 't1'], { cwd: dir, env });
      expect(logs.stdout).toContain('WINGUEST ready');
      const shot = await runCli(['screenshot', 't1', '-o', join(dir, 'shot.png')], { cwd: dir, env });
      expect(shot.exitCode, shot.stderr).toBe(0);
      expect(readFileSync(join(dir, 'shot.png')).subarray(1, 4).toString()).toBe('PNG');
    }, 600_000);

    test('stop powers it off; start boots the disk without install media; rm needs --force while running', async () => {
      const stop = await runCli(['stop', 't1'], { cwd: dir, env });
      expect(stop.exitCode, stop.stderr).toBe(0);
      expect(stop.stdout).toMatch(/^t1 stopped in /);
      expect(JSON.parse((await runCli(['ls', '--json'], { cwd: dir, env })).stdout)[0]).toMatchObject({
        state: 'stopped',
        running: false,
      });

      const start = await runCli(['start', 't1', '--detach', '--json'], { cwd: dir, env });
      const last = ndjson(start.stdout).at(-1);
      expect(start.exitCode, start.stderr).toBe(0);
      expect(last).toMatchObject({ type: 'result', mode: 'installed' });
      pids.push(last?.pid as number);
      // The stand-in prints a fail line if install media were still attached after ready.
      expect((await runCli(['logs', 't1'], { cwd: dir, env })).stdout).not.toMatch(/WINGUEST \S+ fail/);
      expect((await runCli(['ssh', 't1', '--', 'true'], { cwd: dir, env })).exitCode).toBe(0);

      const refused = await runCli(['rm', 't1'], { cwd: dir, env });
      expect(refused.exitCode).toBe(1);
      const removed = await runCli(['rm', 't1', '--force'], { cwd: dir, env });
      expect(removed).toMatchObject({ exitCode: 0, stdout: 'removed t1\n' });
      expect(await gone(last?.pid as number)).toBe(true);
      expect(JSON.parse((await runCli(['ls', '--json'], { cwd: dir, env })).stdout)).toEqual([]);
    }, 600_000);

    test('Ctrl-C during the install stops QEMU and leaves the instance resumable', async () => {
      const child: ChildProcess = spawn(
        process.execPath,
        [cliPath, 'up', 't2', '--iso', iso, '-c', 'slow.yaml', '--json'],
        {
          cwd: dir,
          env: { ...process.env, ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stdout = '';
      let qemuPid: number | undefined;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no setup stage in time:\n${stdout}`)), 300_000);
        child.once('exit', (exitCode) =>
          reject(new Error(`up exited (${exitCode}) before the setup stage:\n${stdout}`)),
        );
        child.stdout?.on('data', (chunk) => {
          stdout += chunk;
          const started = ndjson(stdout).find((l) => l.event === 'action' && l.action === 'qemu-started');
          const pid = /QEMU (\d+)/.exec(String(started?.message ?? ''))?.[1];
          if (pid) qemuPid = Number(pid);
          if (ndjson(stdout).some((l) => l.event === 'stage' && l.stage === 'setup')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      child.kill('SIGINT');
      const code = await new Promise((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(ndjson(stdout).at(-1)).toMatchObject({ type: 'error', code: 'aborted' });
      expect(qemuPid).toBeDefined();
      expect(await gone(qemuPid as number)).toBe(true);
      const [instance] = JSON.parse((await runCli(['ls', '--json'], { cwd: dir, env })).stdout);
      expect(instance).toMatchObject({ name: 't2', state: 'installing', running: false });
    }, 600_000);
  },
);
