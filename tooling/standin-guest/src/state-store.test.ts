import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

const gate = requireHostTools([{ command: 'busybox', debian: 'busybox' }]);
const stateScript = fileURLToPath(new URL('../guest/rootfs/etc/winguest/state.sh', import.meta.url));
const diskBytes = 8 * 1024 * 1024;

// The guest's state store (etc/winguest/state.sh) run by the same busybox shell and applets the
// guest has, against a file standing in for its disk.
describe.skipIf(!gate.available)('the stand-in state on its disk (busybox sh)', () => {
  let dir: string;
  let disk: string;
  let state: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'standin-state-'));
    disk = join(dir, 'disk');
    state = join(dir, 'state');
    await writeFile(disk, Buffer.alloc(diskBytes));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  /** Runs `script` after sourcing state.sh with a fresh, empty $STATE. */
  async function guest(script: string) {
    await rm(state, { recursive: true, force: true });
    await mkdir(state);
    const env = { STATE: state, DISK: disk, TMPDIR: dir };
    const command = `. '${stateScript}'\n${script}`;
    return execa('busybox', ['sh', '-c', command], { env, reject: false });
  }
  async function files(): Promise<Record<string, string>> {
    const names = (await readdir(state)).sort();
    return Object.fromEntries(
      await Promise.all(names.map(async (n) => [n, await readFile(join(state, n), 'utf8')])),
    );
  }
  // The installed guest with its identity, then what sysprep leaves: a generalized system.
  const identity = `echo yes >"$STATE/installed"; echo ready >"$STATE/ready"; echo 'ssh-ed25519 AAAAsource' >"$STATE/authorized_keys"; echo source >"$STATE/hostname"; save_state`;
  const generalized = `echo yes >"$STATE/installed"; head -c 3000 /dev/zero | tr '\\000' g >"$STATE/generalized"; save_state`;

  test('a fresh disk is an empty state; a save is read back whole', async () => {
    expect(await guest('restore_state')).toMatchObject({ exitCode: 0, stdout: '' });
    expect(await files()).toEqual({});
    expect((await guest(identity)).exitCode).toBe(0);
    expect((await guest('restore_state')).exitCode).toBe(0);
    expect(await files()).toEqual({
      authorized_keys: 'ssh-ed25519 AAAAsource\n',
      hostname: 'source\n',
      installed: 'yes\n',
      ready: 'ready\n',
    });
  });

  test('a shorter state over a longer one brings back none of the older identity', async () => {
    expect((await guest(identity)).exitCode).toBe(0);
    expect((await guest(generalized)).exitCode).toBe(0);
    expect((await guest('restore_state')).exitCode).toBe(0);
    expect(Object.keys(await files())).toEqual(['generalized', 'installed']);
  });

  test('a save cut short after its first page leaves the state before it, not a mix with stale entries', async () => {
    // Entries of one size (3 KiB of data, so the generalized state's archive ends right at 4 KiB):
    // stale bytes from 4 KiB on start with a header of the older, longer archive.
    const file = (name: string) => `head -c 3072 /dev/zero | tr '\\000' ${name[0]} >"$STATE/${name}"`;
    const older = ['ready', 'authorized_keys', 'hostname'];
    expect((await guest(`${older.map(file).join('; ')}; save_state`)).exitCode).toBe(0);
    const before = await readFile(disk);
    expect((await guest(`${file('generalized')}; save_state`)).exitCode).toBe(0);
    const after = await readFile(disk);
    // Power lost mid-write: of the pages the save changed, only the first reached the disk.
    const first = before.findIndex((byte, i) => byte !== after[i]);
    const page = first - (first % 4096);
    after.subarray(page + 4096).set(before.subarray(page + 4096));
    await writeFile(disk, after);
    expect((await guest('restore_state')).exitCode).toBe(0);
    expect(Object.keys(await files())).toEqual([...older].sort());
  });

  test('a state no slot can vouch for stops the boot, naming the disk and why', async () => {
    expect((await guest(identity)).exitCode).toBe(0);
    const bytes = await readFile(disk);
    bytes.write('garbage', 1024 * 1024 + 512 + 100);
    await writeFile(disk, bytes);
    const restored = await guest('restore_state');
    expect(restored.exitCode).toBe(1);
    expect(restored.stdout).toBe(
      `the state on ${disk} is damaged: slot 0: generation 1 fails its checksum (a write cut short)`,
    );
    expect(await files()).toEqual({});
  });
});
