import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildStandinGuest, defaultStandinCacheDir, standinKernelCmdline } from '@winguest/standin-guest';
import { buildFakeInstallIso, installIsoTools } from '@winguest/test-media';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { upJsonLineSchema } from '@winguest/vm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from './run-cli';

const tools = requireHostTools([
  { command: 'qemu-system-x86_64', debian: 'qemu-system-x86' },
  { command: 'qemu-img', debian: 'qemu-utils' },
  { command: 'apt-get', debian: 'apt' },
  { command: 'dpkg-deb', debian: 'dpkg' },
  ...installIsoTools,
]);

/** `winguest snapshot …` and `up --snapshot` through the built CLI with the stand-in (TCG, BIOS). */
describe.skipIf(!tools.available)('winguest snapshot save|restore|ls|rm and up --snapshot', () => {
  let dir: string;
  let env: Record<string, string>;
  const cli = (...args: string[]) => runCli(args, { cwd: dir, env });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'winguest-cli-snapshots-'));
    const guest = await buildStandinGuest({ cacheDir: defaultStandinCacheDir() });
    const iso = buildFakeInstallIso({ dir });
    const append = standinKernelCmdline({ script: 'winguest/first-logon.ps1' });
    writeFileSync(
      join(dir, 'winguest.yaml'),
      `family: windows11\nfirmware: bios\nuser:\n  name: root\nvm:\n  accelerator: tcg\n  memoryMiB: 512\n  kernel:\n    kernel: ${JSON.stringify(guest.kernel)}\n    initrd: ${JSON.stringify(guest.initrd)}\n    append: ${JSON.stringify(append)}\n`,
    );
    mkdirSync(join(dir, 'home'));
    env = { WINGUEST_HOME: join(dir, 'instances'), HOME: join(dir, 'home'), WINGUEST_PASSWORD: 'Stand-in-1' };
    const up = await cli('up', 's1', '--iso', iso, '--detach', '--json');
    expect(up.exitCode, up.stderr).toBe(0);
  }, 600_000);

  afterAll(async () => {
    await cli('rm', 's1', '--force');
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  test('save, change, restore; stop and up --snapshot resumes; ls and rm; usage errors exit 2', async () => {
    expect((await cli('snapshot', 'save', 's1')).exitCode).toBe(2);
    await cli('ssh', 's1', '--', 'echo before > /tmp/marker');
    const saved = await cli('snapshot', 'save', 's1', 'clean', '--json');
    expect(saved.exitCode, saved.stderr).toBe(0);
    expect(JSON.parse(saved.stdout)).toMatchObject({ name: 'clean' });
    await cli('ssh', 's1', '--', 'echo after > /tmp/marker');

    const restored = await cli('snapshot', 'restore', 's1', 'clean');
    expect(restored.exitCode, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(
      /^s1 is at clean, ready in [\d.]+m?s \(clock not resynced: no guest agent\)\n$/,
    );
    expect((await cli('ssh', 's1', '--', 'cat /tmp/marker')).stdout).toBe('before\n');

    expect((await cli('stop', 's1', '--force')).exitCode).toBe(0);
    const resumed = await cli('up', 's1', '--snapshot', 'clean', '--json');
    expect(resumed.exitCode, resumed.stderr).toBe(0);
    expect(upJsonLineSchema.parse(JSON.parse(resumed.stdout))).toMatchObject({
      type: 'result',
      booted: true,
    });
    expect((await cli('ssh', 's1', '--', 'cat /tmp/marker')).stdout).toBe('before\n');

    expect(
      JSON.parse((await cli('snapshot', 'ls', 's1', '--json')).stdout).map((s: { name: string }) => s.name),
    ).toEqual(['clean']);
    expect(await cli('snapshot', 'rm', 's1', 'clean')).toMatchObject({
      exitCode: 0,
      stdout: 'removed s1/clean\n',
    });
    const missing = await cli('snapshot', 'restore', 's1', 'clean');
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain('has no snapshot "clean"');
  }, 600_000);
});
