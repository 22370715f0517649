import { imageSummarySchema } from '@winguest/vm';
import { expect, test } from 'vitest';
import { ndjson, recordedHostKey, type StandinCli } from './standin-cli';

/**
 * `winguest image create|ls|inspect|rm` and `up --image` from the installed, running instance
 * `source`: a plain image and its clone, then a generalized image and its clone `g1`, which is left
 * running. Registered inside the shared stand-in file.
 */
export function imageSteps(standin: () => StandinCli, source: string): void {
  test('a plain image: create stops the source, a clone boots as its copy, rm is refused while used', async () => {
    const { cli } = standin();
    expect((await cli('image', 'create', 'golden')).exitCode).toBe(2);
    const created = await cli('image', 'create', 'golden', '--from', source, '--json');
    expect(created.exitCode, created.stderr).toBe(0);
    expect(imageSummarySchema.parse(JSON.parse(created.stdout))).toMatchObject({
      name: 'golden',
      generalized: false,
      guest: { family: 'windows11', users: ['root'] },
    });
    expect(JSON.parse((await cli('ls', '--json')).stdout)[0]).toMatchObject({
      name: source,
      running: false,
    });

    const up = await cli('up', 'c1', '--image', 'golden', '--detach', '--json');
    expect(up.exitCode, up.stderr).toBe(0);
    expect(ndjson(up.stdout).at(-1)).toMatchObject({ type: 'result', mode: 'installed' });
    expect(recordedHostKey(standin(), 'c1')).toBe(recordedHostKey(standin(), source));

    const listed = await cli('image', 'ls', '--json');
    expect(listed.exitCode, listed.stderr).toBe(0);
    const images = JSON.parse(listed.stdout).map((i: unknown) => imageSummarySchema.parse(i));
    expect(images.map((i: { name: string; usedBy: string[] }) => [i.name, i.usedBy])).toEqual([
      ['golden', ['c1']],
    ]);
    const inspect = await cli('image', 'inspect', 'golden');
    expect(inspect.stdout).toMatch(/clones share .*machine SID/);
    const refused = await cli('image', 'rm', 'golden');
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('"c1"');
    expect((await cli('rm', 'c1', '--force')).exitCode).toBe(0);
    expect(await cli('image', 'rm', 'golden')).toMatchObject({
      exitCode: 0,
      stdout: 'removed image golden\n',
    });
  }, 600_000);

  test('a generalized image: sysprep runs in the guest, its clone re-specializes with a new host key', async () => {
    const { cli } = standin();
    expect((await cli('start', source, '--detach')).exitCode).toBe(0);
    const created = await cli('image', 'create', 'gen', '--from', source, '--generalize', '--json');
    expect(created.exitCode, created.stderr).toBe(0);
    expect(imageSummarySchema.parse(JSON.parse(created.stdout)).generalized).toBe(true);

    const up = await cli('up', 'g1', '--image', 'gen', '--detach', '--json');
    expect(up.exitCode, up.stderr).toBe(0);
    const stages = ndjson(up.stdout)
      .filter((l) => l.type === 'event' && l.event === 'stage')
      .map((l) => l.stage);
    expect(stages).toEqual(['firmware', 'specialize', 'oobe', 'first-logon', 'provisioning', 'ready']);
    expect(recordedHostKey(standin(), 'g1')).not.toBe(recordedHostKey(standin(), source));
    // The marker the guest's own sysprep wrote: the generalize answer file it was given.
    const marker = await cli('ssh', 'g1', '--', 'cat /var/lib/winguest/generalized');
    expect(marker.stdout).toContain('<settings pass="generalize">');
  }, 600_000);
}
