import { upJsonLineSchema } from '@winguest/vm';
import { expect, test } from 'vitest';
import type { StandinCli } from './standin-cli';

/**
 * `winguest snapshot …` and `up --snapshot` on the installed, running instance `name` (TCG, BIOS).
 * Registered inside the shared stand-in file; the instance is running again afterwards.
 */
export function snapshotSteps(standin: () => StandinCli, name: string): void {
  test('snapshot: save, change, restore; stop and up --snapshot resumes; ls and rm; usage errors exit 2', async () => {
    const { cli } = standin();
    expect((await cli('snapshot', 'save', name)).exitCode).toBe(2);
    await cli('ssh', name, '--', 'echo before > /tmp/marker');
    const saved = await cli('snapshot', 'save', name, 'clean', '--json');
    expect(saved.exitCode, saved.stderr).toBe(0);
    expect(JSON.parse(saved.stdout)).toMatchObject({ name: 'clean' });
    await cli('ssh', name, '--', 'echo after > /tmp/marker');

    const restored = await cli('snapshot', 'restore', name, 'clean');
    expect(restored.exitCode, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(
      new RegExp(`^${name} is at clean, ready in [\\d.]+m?s \\(clock not resynced: no guest agent\\)\\n$`),
    );
    expect((await cli('ssh', name, '--', 'cat /tmp/marker')).stdout).toBe('before\n');

    expect((await cli('stop', name, '--force')).exitCode).toBe(0);
    const resumed = await cli('up', name, '--snapshot', 'clean', '--json');
    expect(resumed.exitCode, resumed.stderr).toBe(0);
    expect(upJsonLineSchema.parse(JSON.parse(resumed.stdout))).toMatchObject({
      type: 'result',
      booted: true,
    });
    expect((await cli('ssh', name, '--', 'cat /tmp/marker')).stdout).toBe('before\n');

    expect(
      JSON.parse((await cli('snapshot', 'ls', name, '--json')).stdout).map((s: { name: string }) => s.name),
    ).toEqual(['clean']);
    expect(await cli('snapshot', 'rm', name, 'clean')).toMatchObject({
      exitCode: 0,
      stdout: `removed ${name}/clean\n`,
    });
    const missing = await cli('snapshot', 'restore', name, 'clean');
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain('has no snapshot "clean"');
  }, 600_000);
}
