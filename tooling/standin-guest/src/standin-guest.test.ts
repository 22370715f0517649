import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { requireGuestTools } from './__fixtures__/host-tools.ts';
import { computerName, createDisk, sshKeyPair, sshRun, writeCidataIso } from './__fixtures__/media.ts';
import { progressLines, type RunningVm, startVm, stopVm } from './__fixtures__/vm.ts';
import { buildStandinGuest, type StandinGuest } from './build-standin-guest.ts';
import { defaultStandinCacheDir } from './default-cache-dir.ts';
import { standinKernelCmdline } from './kernel-cmdline.ts';

const gate = requireGuestTools();
const bootTimeout = 180_000;

describe.skipIf(!gate.available)('the stand-in guest under QEMU (TCG, SeaBIOS, AHCI, e1000e)', () => {
  let dir: string;
  let guest: StandinGuest;
  let vm: RunningVm | undefined;
  let keys: { privateKey: string; publicKey: string };
  let ssh: Parameters<typeof sshRun>[0];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'standin-guest-'));
    guest = await buildStandinGuest({ cacheDir: defaultStandinCacheDir() });
    keys = await sshKeyPair(dir);
    vm = await startVm({
      dir,
      kernel: guest.kernel,
      initrd: guest.initrd,
      append: standinKernelCmdline(),
      cidataIso: await writeCidataIso(dir, keys.publicKey),
      disk: await createDisk(dir),
      devices: 'ahci',
    });
    ssh = {
      port: vm.sshPort,
      privateKey: keys.privateKey,
      knownHosts: join(dir, 'known_hosts'),
      strict: false,
    };
  });

  afterAll(async () => {
    await stopVm(vm);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('plays Windows Setup: finds the media, marks the disk, reboots once, provisions, reports ready', async () => {
    const running = vm as RunningVm;
    const serial = await running.waitForSerial(/^WINGUEST ready$/m, bootTimeout);
    expect(progressLines(serial)).toEqual([
      'WINGUEST setup start',
      'WINGUEST setup ok <s>',
      'WINGUEST applying-image start',
      'WINGUEST applying-image ok <s>',
      'WINGUEST specialize start',
      'WINGUEST specialize ok <s>',
      'WINGUEST oobe start',
      'WINGUEST oobe ok <s>',
      'WINGUEST first-logon start',
      'WINGUEST first-logon ok <s>',
      'WINGUEST network start',
      'WINGUEST network ok <s>',
      'WINGUEST authorized-keys start',
      'WINGUEST authorized-keys ok <s>',
      'WINGUEST openssh start',
      'WINGUEST openssh ok <s>',
      'WINGUEST ready',
    ]);
    // One reboot, by the guest: the kernel says so once, between the two boots. (SeaBIOS turns one
    // guest reboot into three QMP RESET events on QEMU 7.2; OVMF into one.)
    expect(serial.match(/reboot: Restarting system/g)).toHaveLength(1);
    expect(serial).toMatch(
      /applying-image ok [\d.]+\n(.*\n)*.*reboot: Restarting system\n(.*\n)*WINGUEST specialize start/,
    );
    const resets = running.qmp.events.filter((e) => e.event === 'RESET');
    expect(resets.length).toBeGreaterThan(0);
    expect(resets.every((e) => e.data?.guest === true && e.data.reason === 'guest-reset')).toBe(true);
  });

  test('serves SSH with the key from the media, named by the answer file', async () => {
    const result = await sshRun(
      ssh,
      'hostname; cat /root/.ssh/authorized_keys; tail -n 1 /var/lib/winguest/provision.log',
    );
    expect(result.stdout.split('\n')).toEqual([
      computerName,
      keys.publicKey.trim(),
      expect.stringMatching(/^[\d.]+ WINGUEST ready$/),
    ]);
  });

  test('says so when the install media is still attached on a boot after ready', async () => {
    const running = vm as RunningVm;
    await running.qmp.execute('system_reset');
    const serial = await running.waitForSerial(/^WINGUEST eject fail/m, bootTimeout);
    expect(progressLines(serial).at(-1)).toBe(
      'WINGUEST eject fail <s> install media still attached after ready: /dev/sr0 holds autounattend.xml; eject it before booting again',
    );
  });

  test('once the media is ejected, boots as the installed system with the same SSH host key', async () => {
    const running = vm as RunningVm;
    await running.qmp.execute('eject', { id: 'cd0', force: true });
    await running.qmp.execute('system_reset');
    const serial = await running.waitForSerial(/WINGUEST eject fail.*\n(.*\n)*WINGUEST ready$/m, bootTimeout);
    expect(progressLines(serial).slice(-2)).toEqual([
      expect.stringMatching(/^WINGUEST eject fail/),
      'WINGUEST ready',
    ]);
    const result = await sshRun({ ...ssh, strict: true }, 'hostname');
    expect(result.stdout).toBe(computerName);
  });

  test('powers off by itself on ACPI powerdown (QMP system_powerdown)', async () => {
    const running = vm as RunningVm;
    await running.qmp.execute('system_powerdown');
    const result = await running.process;
    expect(result.exitCode).toBe(0);
    expect(running.qmp.events.filter((e) => e.event === 'SHUTDOWN')).toEqual([
      { event: 'SHUTDOWN', data: { guest: true, reason: 'guest-shutdown' } },
    ]);
  });
});

describe.skipIf(!gate.available)(
  'the stand-in guest failing like Setup (TCG, virtio-blk, virtio-net)',
  () => {
    let dir: string;
    let guest: StandinGuest;
    let vm: RunningVm | undefined;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'standin-guest-'));
      guest = await buildStandinGuest({ cacheDir: defaultStandinCacheDir() });
    });

    afterAll(async () => {
      await stopVm(vm);
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    const boot = async (append: string, joliet: boolean) => {
      await stopVm(vm);
      vm = await startVm({
        dir: await mkdtemp(join(dir, 'vm-')),
        kernel: guest.kernel,
        initrd: guest.initrd,
        append,
        cidataIso: await writeCidataIso(dir, 'ssh-ed25519 AAAA unused\n', joliet),
        disk: await createDisk(dir, `disk-${Date.now()}.qcow2`),
        devices: 'virtio',
      });
      return vm;
    };

    test('without Joliet the name autounattend.xml does not survive, and setup fails naming what it saw', async () => {
      const running = await boot(standinKernelCmdline(), false);
      const serial = await running.waitForSerial(/^WINGUEST setup fail/m, bootTimeout);
      expect(progressLines(serial)).toEqual([
        'WINGUEST setup start',
        'WINGUEST setup fail <s> no CD-ROM holds autounattend.xml (media seen: /dev/sr0:[autounat.xml winguest])',
      ]);
    });

    test('winguest.fail makes a stage fail after winguest.delay seconds', async () => {
      const running = await boot(standinKernelCmdline({ failAt: 'setup', stageDelay: 1 }), true);
      const serial = await running.waitForSerial(/^WINGUEST setup fail/m, bootTimeout);
      const line = serial.split('\n').find((l) => l.startsWith('WINGUEST setup fail')) ?? '';
      expect(line).toMatch(/^WINGUEST setup fail (\d+\.\d\d) failed on request \(winguest\.fail=setup\)$/);
      expect(Number(line.split(' ')[3])).toBeGreaterThanOrEqual(1);
    });
  },
);
