import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { alive, processesMentioning } from './__fixtures__/instance-fixture';
import { standinGate, standinSetup, writeStandinCidata } from './__fixtures__/standin-fixture';
import { copyWithGuest, instancePaths, removeInstance, sshExec, start, stop, up, VmError } from './index';

const gate = standinGate();
// QEMU's C virtiofsd (Debian's qemu-system-common) runs as root; a read-only share adds a bind mount.
const shareTools = requireHostTools([
  { command: 'unshare', debian: 'util-linux' },
  { command: 'mount', debian: 'mount' },
  { command: 'sh', debian: 'dash' },
  { command: 'smbd', debian: 'samba' },
]);

/** The sockets virtiofsd processes of this instance serve (QEMU's C daemon is two processes each). */
const daemons = (dir: string) => [
  ...new Set(processesMentioning(dir).flatMap((line) => /virtiofsd-\d+\.sock/.exec(line) ?? [])),
];
async function gone(dir: string): Promise<string[]> {
  for (let i = 0; i < 100 && processesMentioning(dir).length > 0; i++) await sleep(100);
  return processesMentioning(dir);
}

/**
 * Shared folders (and copying over SFTP) against the stand-in guest, which mounts each virtio-fs tag at /mnt/<tag> with
 * Linux's virtiofs driver: files cross in both directions over real virtiofsd and QEMU, a read-only
 * share refuses writes, and no virtiofsd or QEMU outlives stop, a QEMU kill, Ctrl-C or rm.
 */
describe.skipIf(!gate.available || !shareTools.available)('virtio-fs shares with the stand-in guest', () => {
  let dir: string;
  let setup: Awaited<ReturnType<typeof standinSetup>>;
  let home: string;
  let data: string;
  let smb: string;
  const ref = { name: 'shares', home: '' };
  const options = () =>
    setup.options(
      'shares',
      { shares: ['home', 'data'] },
      {
        shares: [
          { hostPath: home, tag: 'home' },
          { hostPath: data, tag: 'data', readOnly: true },
        ],
        // The same boot also gets QEMU's user-network SMB share (the fallback where virtio-fs cannot run).
        smbShare: smb,
      },
    );
  const ssh = async (command: string) => sshExec(ref, command, { timeoutMs: 30_000 });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wg-vm-shares-'));
    setup = await standinSetup(dir);
    ref.home = setup.home;
    home = join(dir, 'home share');
    data = join(dir, 'data');
    mkdirSync(home);
    mkdirSync(data);
    smb = join(dir, 'smb share');
    mkdirSync(smb);
    writeFileSync(join(smb, 'over-smb.txt'), 'served by smbd\n');
    writeFileSync(join(home, 'from-host.txt'), 'written on the host\n');
    writeFileSync(join(data, 'readme.txt'), 'read-only data\n');
  }, 600_000);

  afterAll(async () => {
    for (const line of processesMentioning(dir)) {
      const pid = Number.parseInt(line, 10);
      if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
    const left = await gone(dir);
    rmSync(dir, { recursive: true, force: true });
    expect(left).toEqual([]);
  }, 60_000);

  test('two shares: host → guest, guest → host, and the read-only one refuses writes', async () => {
    await up(options(), { writeCidata: writeStandinCidata });
    expect(daemons(instancePaths('shares', setup.home).dir)).toHaveLength(2);

    expect((await ssh('cat /mnt/home/from-host.txt')).stdout).toBe('written on the host\n');
    expect((await ssh('cat /mnt/data/readme.txt')).stdout).toBe('read-only data\n');
    const write = await ssh('echo written in the guest > /mnt/home/from-guest.txt && sync');
    expect(write.exitCode).toBe(0);
    expect(readFileSync(join(home, 'from-guest.txt'), 'utf8')).toBe('written in the guest\n');

    const refused = await ssh('echo nope > /mnt/data/new.txt');
    expect(refused.exitCode).not.toBe(0);
    expect(refused.stderr).toMatch(/Read-only file system/);
    const removal = await ssh('rm /mnt/data/readme.txt');
    expect(removal.exitCode).not.toBe(0);
    expect(readFileSync(join(data, 'readme.txt'), 'utf8')).toBe('read-only data\n');
    const log = await ssh('cat /var/lib/winguest/provision.log');
    expect(log.stdout).toMatch(/share home mounted at \/mnt\/home[\s\S]*share data mounted at \/mnt\/data/);
  }, 600_000);

  test('SMB: the smbd QEMU starts answers at //10.0.2.4/qemu inside the guest, both ways', async () => {
    // Kernel cifs without mount.cifs: the server address and UNC are options; any user maps to guest.
    const cifs = 'ip=10.0.2.4,unc=\\\\10.0.2.4\\qemu,username=winguest,password=x,vers=3.0';
    const mount = await ssh(`mkdir -p /mnt/smb && mount -t cifs //10.0.2.4/qemu /mnt/smb -o '${cifs}'`);
    expect(mount.exitCode, mount.stderr).toBe(0);
    expect((await ssh('cat /mnt/smb/over-smb.txt')).stdout).toBe('served by smbd\n');
    const write = await ssh('echo written over SMB > /mnt/smb/from-guest.txt && sync');
    expect(write.exitCode, write.stderr).toBe(0);
    expect(readFileSync(join(smb, 'from-guest.txt'), 'utf8')).toBe('written over SMB\n');
    expect((await ssh('umount /mnt/smb')).exitCode).toBe(0);
  }, 120_000);

  test('copyWithGuest round-trips a file with a Unicode name over SFTP (no shared folder involved)', async () => {
    const name = 'résumé 日本語 😀.txt';
    const content = `${'données ✓ '.repeat(5000)}\n`; // several SFTP packets
    const source = join(dir, name);
    writeFileSync(source, content);
    const up1 = await copyWithGuest(ref, { direction: 'to-guest', hostPath: source, guestPath: '/root/' });
    expect(up1).toEqual({ from: source, to: `/root/${name}`, bytes: Buffer.byteLength(content) });
    expect((await ssh(`wc -c < '/root/${name}'`)).stdout.trim()).toBe(String(Buffer.byteLength(content)));
    const back = join(dir, 'back');
    mkdirSync(back);
    const down = await copyWithGuest(ref, {
      direction: 'from-guest',
      hostPath: back,
      guestPath: `/root/${name}`,
    });
    expect(down.to).toBe(join(back, name));
    expect(readFileSync(join(back, name), 'utf8')).toBe(content);
    const missing = await copyWithGuest(ref, {
      direction: 'from-guest',
      hostPath: back,
      guestPath: '/root/nope',
    }).catch((e: unknown) => e);
    expect(VmError.isInstance(missing) && missing.code).toBe('copy-failed');
    expect(String(missing)).toMatch(/\/root\/nope.*no such file/);
    expect(readdirSync(back)).toEqual([name]); // no partial file left behind
  }, 120_000);

  test('stop ends QEMU and both virtiofsd', async () => {
    const instanceDir = instancePaths('shares', setup.home).dir;
    await stop({ ...ref, force: true });
    expect(await gone(instanceDir)).toEqual([]);
  }, 120_000);

  test('a QEMU killed from outside takes its virtiofsd with it', async () => {
    const instanceDir = instancePaths('shares', setup.home).dir;
    const result = await start(ref);
    expect(daemons(instanceDir)).toHaveLength(2);
    process.kill(result.pid, 'SIGKILL');
    expect(await gone(instanceDir)).toEqual([]);
    await stop(ref); // records the state; nothing left to end
  }, 600_000);

  test('Ctrl-C (abort) while booting ends QEMU and virtiofsd', async () => {
    const instanceDir = instancePaths('shares', setup.home).dir;
    const controller = new AbortController();
    let servedAtAbort: string[] = [];
    const error = await start(ref, {
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type !== 'action' || e.action !== 'qemu-started') return;
        servedAtAbort = daemons(instanceDir);
        controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(servedAtAbort).toHaveLength(2);
    expect(VmError.isInstance(error) && error.code, String(error)).toBe('aborted');
    expect(await gone(instanceDir)).toEqual([]);
  }, 600_000);

  test('rm --force of a running instance ends QEMU and virtiofsd', async () => {
    const instanceDir = instancePaths('shares', setup.home).dir;
    await start(ref);
    expect(daemons(instanceDir)).toHaveLength(2);
    await removeInstance({ ...ref, force: true });
    expect(await gone(instanceDir)).toEqual([]);
  }, 600_000);
});
