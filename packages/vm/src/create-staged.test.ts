import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findExecutable } from '@winguest/shell';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, describe, expect, test } from 'vitest';
import { EventLog, tempHome } from './__fixtures__/instance-fixture';
import {
  instancePaths,
  listInstances,
  removeInstance,
  type UpOptionsInput,
  up,
  VmError,
  type VmEvent,
  type VmHost,
} from './index';

const gate = requireHostTools([
  { command: 'qemu-img', debian: 'qemu-utils' },
  { command: 'qemu-system-x86_64', debian: 'qemu-system-x86' },
]);

/**
 * A failed first `up` leaves no stuck instance. qemu-img is stood in for by Node itself where it
 * must fail (Node exits 9 on qemu-img's arguments); later runs are aborted (as by Ctrl-C) as soon
 * as the instance exists, so QEMU stops before the firmware gets far.
 */
describe.skipIf(!gate.available)('creating an instance is one step', () => {
  const env = tempHome();
  afterAll(() => env.cleanup());
  const qemuImg = findExecutable('qemu-img') as string;
  const host = (over: Partial<VmHost> = {}): VmHost => ({
    qemu: findExecutable('qemu-system-x86_64') as string,
    qemuImg,
    accelerator: 'tcg',
    notes: [],
    ...over,
  });
  const options = (name: string): UpOptionsInput => ({
    name,
    home: env.home,
    accelerator: 'tcg',
    firmware: 'bios',
    memoryMiB: 256,
    cpus: 1,
    disk: { size: '64M' },
    media: { windows: env.file('windows.iso') },
    screenshotIntervalSeconds: 0,
  });
  const writeCidata = ({ path }: { path: string }) => writeFileSync(path, Buffer.alloc(2048));
  /** What a user sees: `ls`, the folder, and what is left in the instances folder. */
  const visible = (name: string) => ({
    listed: listInstances({ home: env.home })
      .map((i) => i.name)
      .filter((n) => n === name),
    exists: existsSync(instancePaths(name, env.home).dir),
    leftovers: readdirSync(dirname(instancePaths(name, env.home).dir)).filter((n) => n.startsWith('.')),
  });

  /** `up` stopped (as by Ctrl-C) at its first action (created, or QEMU started): nothing boots. */
  const upUntilCreated = (input: UpOptionsInput, events: EventLog) => {
    const controller = new AbortController();
    const onEvent = (event: VmEvent) => {
      events.listener(event);
      if (event.type === 'action') controller.abort();
    };
    return up(input, { host: host(), writeCidata, onEvent, signal: controller.signal }).catch(
      (e: unknown) => e,
    );
  };

  test.each([
    ['qemu-img fails', { host: host({ qemuImg: process.execPath }), writeCidata }],
    [
      'the answer file is refused while the cidata media is written',
      {
        host: host(),
        writeCidata: () => {
          throw new Error('answer.identity.accounts: expected array');
        },
      },
    ],
  ])('%s: no instance is left, and the corrected up creates it afresh', async (_what, failing) => {
    const name = `v${Math.random().toString(16).slice(2, 8)}`;
    const first = await up(options(name), failing).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(Error);
    expect(visible(name)).toEqual({ listed: [], exists: false, leftovers: [] });
    await expect(removeInstance({ name, home: env.home })).rejects.toMatchObject({
      code: 'instance-not-found',
    });

    // Corrected: the instance is created in full (then stopped before it boots).
    const second = await upUntilCreated(options(name), new EventLog());
    expect(VmError.isInstance(second) && second.code, String(second)).toBe('aborted');
    const paths = instancePaths(name, env.home);
    for (const file of [paths.disk, paths.config, paths.state, paths.cidata, paths.sshKey])
      expect(existsSync(file), file).toBe(true);
    expect(visible(name)).toMatchObject({ listed: [name], exists: true, leftovers: [] });
    await removeInstance({ name, home: env.home });
  });

  test('rm clears an instance an earlier version left stuck (config, no state)', async () => {
    const paths = instancePaths('stuck-rm', env.home);
    mkdirSync(paths.dir, { recursive: true });
    writeFileSync(paths.config, '{"name":"stuck-rm"}');
    await removeInstance({ name: 'stuck-rm', home: env.home });
    expect(existsSync(paths.dir)).toBe(false);
  });

  test('an instance stuck by an earlier version (config, no state, no disk) is rolled back and created', async () => {
    const paths = instancePaths('stuck', env.home);
    mkdirSync(paths.dir, { recursive: true });
    writeFileSync(paths.config, '{"name":"stuck"}');
    const events = new EventLog();
    const result = await upUntilCreated(options('stuck'), events);
    expect(VmError.isInstance(result) && result.code, String(result)).toBe('aborted');
    expect(events.of('action').map((e) => e.action)).toEqual(
      expect.arrayContaining(['rolled-back', 'created']),
    );
    expect(existsSync(paths.disk)).toBe(true);
  });

  test('the next up removes temp files of killed runs: a half cidata ISO, a half-made instance', async () => {
    const name = 'sweep';
    await upUntilCreated(options(name), new EventLog());
    const paths = instancePaths(name, env.home);
    const dead = spawnSync(process.execPath, ['-e', '']).pid as number;
    const halfIso = join(paths.dir, `.cidata.iso.${dead}.0123456789ab.tmp`);
    const halfInstance = join(dirname(paths.dir), `.other.${dead}.0123456789ab.tmp`);
    writeFileSync(halfIso, Buffer.alloc(1 << 20));
    mkdirSync(halfInstance);
    writeFileSync(join(halfInstance, 'config.json'), '{}');
    await upUntilCreated(options(name), new EventLog());
    expect(existsSync(halfIso)).toBe(false);
    expect(existsSync(halfInstance)).toBe(false);
    expect(existsSync(paths.disk)).toBe(true);
  });
});
