import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildStandinGuest, defaultStandinCacheDir, standinKernelCmdline } from '@winguest/standin-guest';
import { buildFakeInstallIso, installIsoTools } from '@winguest/test-media';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { imageSummarySchema, upJsonLineSchema } from '@winguest/vm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from './run-cli';

const tools = requireHostTools([
  { command: 'qemu-system-x86_64', debian: 'qemu-system-x86' },
  { command: 'qemu-img', debian: 'qemu-utils' },
  { command: 'apt-get', debian: 'apt' },
  { command: 'dpkg-deb', debian: 'dpkg' },
  ...installIsoTools,
]);

/** The last `up --json` line, checked against the published schema. */
const lastLine = (stdout: string) =>
  upJsonLineSchema.parse(JSON.parse(stdout.trim().split('\n').filter(Boolean).at(-1) ?? '{}'));

/**
 * `winguest image` and `up --image` through the built CLI with the stand-in guest (TCG): one
 * install, a plain image and its clone, then a generalized image and its clone.
 */
describe.skipIf(!tools.available)(
  'winguest image create|ls|inspect|rm and up --image with the stand-in',
  () => {
    let dir: string;
    let env: Record<string, string>;
    const cli = (...args: string[]) => runCli(args, { cwd: dir, env });
    const hostKey = (name: string) =>
      readFileSync(join(dir, 'instances', 'instances', name, 'known_hosts'), 'utf8')
        .split(' ')
        .slice(1)
        .join(' ');

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'winguest-cli-images-'));
      const guest = await buildStandinGuest({ cacheDir: defaultStandinCacheDir() });
      const iso = buildFakeInstallIso({ dir });
      const config = [
        'family: windows11',
        'firmware: bios',
        'user:',
        '  name: root',
        'vm:',
        '  accelerator: tcg',
        '  memoryMiB: 512',
        '  kernel:',
        `    kernel: ${JSON.stringify(guest.kernel)}`,
        `    initrd: ${JSON.stringify(guest.initrd)}`,
        `    append: ${JSON.stringify(standinKernelCmdline({ script: 'winguest/first-logon.ps1' }))}`,
        '',
      ];
      writeFileSync(join(dir, 'winguest.yaml'), config.join('\n'));
      mkdirSync(join(dir, 'home'));
      env = {
        WINGUEST_HOME: join(dir, 'instances'),
        HOME: join(dir, 'home'),
        WINGUEST_PASSWORD: 'Stand-in-1',
      };
      const up = await cli('up', 'base', '--iso', iso, '--detach', '--json');
      expect(up.exitCode, up.stderr).toBe(0);
    }, 600_000);

    afterAll(async () => {
      for (const name of ['base', 'c1', 'g1']) await cli('rm', name, '--force');
      rmSync(dir, { recursive: true, force: true });
    }, 120_000);

    test('a plain image: create stops the source, a clone boots as its copy, rm is refused while used', async () => {
      expect((await cli('image', 'create', 'golden')).exitCode).toBe(2);
      const created = await cli('image', 'create', 'golden', '--from', 'base', '--json');
      expect(created.exitCode, created.stderr).toBe(0);
      expect(imageSummarySchema.parse(JSON.parse(created.stdout))).toMatchObject({
        name: 'golden',
        generalized: false,
        guest: { family: 'windows11', users: ['root'] },
      });
      expect(JSON.parse((await cli('ls', '--json')).stdout)[0]).toMatchObject({
        name: 'base',
        running: false,
      });

      const up = await cli('up', 'c1', '--image', 'golden', '--detach', '--json');
      expect(up.exitCode, up.stderr).toBe(0);
      expect(lastLine(up.stdout)).toMatchObject({ type: 'result', mode: 'installed' });
      expect(hostKey('c1')).toBe(hostKey('base'));

      const images = JSON.parse((await cli('image', 'ls', '--json')).stdout).map((i: unknown) =>
        imageSummarySchema.parse(i),
      );
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
      expect((await cli('start', 'base', '--detach')).exitCode).toBe(0);
      const created = await cli('image', 'create', 'gen', '--from', 'base', '--generalize', '--json');
      expect(created.exitCode, created.stderr).toBe(0);
      expect(imageSummarySchema.parse(JSON.parse(created.stdout)).generalized).toBe(true);

      const up = await cli('up', 'g1', '--image', 'gen', '--detach', '--json');
      expect(up.exitCode, up.stderr).toBe(0);
      const stages = up.stdout
        .trim()
        .split('\n')
        .map((line) => upJsonLineSchema.parse(JSON.parse(line)))
        .filter((l) => l.type === 'event' && l.event === 'stage')
        .map((l) => l.stage);
      expect(stages).toEqual(['firmware', 'specialize', 'oobe', 'first-logon', 'provisioning', 'ready']);
      expect(hostKey('g1')).not.toBe(hostKey('base'));
      // The marker the guest's own sysprep wrote: the generalize answer file it was given.
      const marker = await cli('ssh', 'g1', '--', 'cat /var/lib/winguest/generalized');
      expect(marker.stdout).toContain('<settings pass="generalize">');
    }, 600_000);
  },
);
