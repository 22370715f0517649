import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cliPath } from './run-cli';
import { alive, gone, ndjson, type StandinCli, standinCli, standinTools } from './standin-cli';

const tools = standinTools();

/** Ctrl-C during `up` with a stand-in that lingers 30 s in every stage (TCG). */
describe.skipIf(!tools.available)('winguest up interrupted with Ctrl-C', () => {
  let standin: StandinCli;
  let qemuPid: number | undefined;
  beforeAll(async () => {
    standin = await standinCli('winguest-cli-interrupt-', 30);
  }, 600_000);
  afterAll(async () => {
    await standin.cli('rm', 't2', '--force');
    if (qemuPid !== undefined && alive(qemuPid)) process.kill(qemuPid, 'SIGKILL');
    rmSync(standin.dir, { recursive: true, force: true });
  });

  test('Ctrl-C during the install stops QEMU and leaves the instance resumable', async () => {
    const child: ChildProcess = spawn(
      process.execPath,
      [cliPath, 'up', 't2', '--iso', standin.iso, '--json'],
      {
        cwd: standin.dir,
        env: { ...process.env, ...standin.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no setup stage in time:\n${stdout}`)), 300_000);
      child.once('exit', (exitCode) =>
        reject(new Error(`up exited (${exitCode}) before the setup stage:\n${stdout}\n${stderr}`)),
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
    const [instance] = JSON.parse((await standin.cli('ls', '--json')).stdout);
    expect(instance).toMatchObject({ name: 't2', state: 'installing', running: false });
  }, 600_000);
});
