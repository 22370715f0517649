import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CliResult } from './run-cli';
import { alive, gone, ndjson, type StandinCli, standinCli, standinTools } from './standin-cli';
import { imageSteps } from './standin-image-steps';
import { snapshotSteps } from './standin-snapshot-steps';

const tools = standinTools();

/**
 * One stand-in install through the built CLI (TCG) serves every step a user takes with an
 * instance, in order: up → ssh/cp/ls/logs/screenshot → stop/start → snapshots → images and
 * clones → rm. Installing once instead of once per command family saves minutes of CI.
 */
describe.skipIf(!tools.available)('winguest with one installed stand-in guest', () => {
  let standin: StandinCli;
  let up: CliResult;
  const pids: number[] = [];
  const cli = (...args: string[]) => standin.cli(...args);

  beforeAll(async () => {
    standin = await standinCli('winguest-cli-standin-');
    up = await cli('up', 't1', '--iso', standin.iso, '--detach', '--json');
  }, 600_000);
  afterAll(async () => {
    for (const name of ['t1', 'c1', 'g1']) await cli('rm', name, '--force');
    for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(standin.dir, { recursive: true, force: true });
  }, 120_000);

  test('up installs through every stage to ready, ejects the media, and hands back SSH', async () => {
    const lines = ndjson(up.stdout);
    const last = lines.at(-1);
    expect(up.exitCode, `${up.stderr}\n${JSON.stringify(last)}`).toBe(0);
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
    expect(await cli('ssh', 't1', '--', 'uname', '-s')).toMatchObject({ exitCode: 0, stdout: 'Linux\n' });
    expect((await cli('ssh', 't1', '--', 'exit 3')).exitCode).toBe(3);
  }, 600_000);

  test('cp round-trips a file with a Unicode name (SFTP, no ssh client involved)', async () => {
    const { dir } = standin;
    const name = 'Grüße 文件 ✓.txt';
    writeFileSync(join(dir, name), 'über die Grenze\n');
    const put = await cli('cp', name, 't1:/root/');
    expect(put.exitCode, put.stderr).toBe(0);
    expect(put.stdout).toContain(`/root/${name}`);
    mkdirSync(join(dir, 'back'));
    const get = await cli('cp', '--json', `t1:/root/${name}`, 'back');
    expect(JSON.parse(get.stdout)).toEqual({ from: `/root/${name}`, to: join(dir, 'back', name), bytes: 17 });
    expect(readFileSync(join(dir, 'back', name), 'utf8')).toBe('über die Grenze\n');
    const neither = await cli('cp', name, 'elsewhere.txt');
    expect(neither.exitCode).toBe(2);
    expect(neither.stderr).toMatch(/names an instance/);
  }, 120_000);

  test('ls, logs and screenshot show the running instance', async () => {
    expect(JSON.parse((await cli('ls', '--json')).stdout)).toEqual([
      expect.objectContaining({ name: 't1', state: 'ready', running: true, arch: 'amd64' }),
    ]);
    expect((await cli('logs', 't1')).stdout).toContain('WINGUEST ready');
    const shot = await cli('screenshot', 't1', '-o', join(standin.dir, 'shot.png'));
    expect(shot.exitCode, shot.stderr).toBe(0);
    expect(readFileSync(join(standin.dir, 'shot.png')).subarray(1, 4).toString()).toBe('PNG');
  }, 120_000);

  test('stop powers it off; start boots the disk without install media', async () => {
    const stop = await cli('stop', 't1');
    expect(stop.exitCode, stop.stderr).toBe(0);
    expect(stop.stdout).toMatch(/^t1 stopped in /);
    expect(JSON.parse((await cli('ls', '--json')).stdout)[0]).toMatchObject({
      state: 'stopped',
      running: false,
    });

    const start = await cli('start', 't1', '--detach', '--json');
    const last = ndjson(start.stdout).at(-1);
    expect(start.exitCode, start.stderr).toBe(0);
    expect(last).toMatchObject({ type: 'result', mode: 'installed' });
    pids.push(last?.pid as number);
    // The stand-in prints a fail line if install media were still attached after ready.
    expect((await cli('logs', 't1')).stdout).not.toMatch(/WINGUEST \S+ fail/);
    expect((await cli('ssh', 't1', '--', 'true')).exitCode).toBe(0);
  }, 600_000);

  snapshotSteps(() => standin, 't1');

  imageSteps(() => standin, 't1');

  test('rm needs --force while running, stops QEMU with it, and ls is empty after', async () => {
    const [clone] = JSON.parse((await cli('ls', '--json')).stdout).filter(
      (i: { name: string }) => i.name === 'g1',
    );
    expect(clone).toMatchObject({ running: true, pid: expect.any(Number) });
    const refused = await cli('rm', 'g1');
    expect(refused.exitCode).toBe(1);
    expect(await cli('rm', 'g1', '--force')).toMatchObject({ exitCode: 0, stdout: 'removed g1\n' });
    expect(await gone(clone.pid)).toBe(true);
    expect((await cli('rm', 't1', '--force')).exitCode).toBe(0);
    expect(JSON.parse((await cli('ls', '--json')).stdout)).toEqual([]);
  }, 120_000);
});
