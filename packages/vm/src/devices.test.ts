import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EventLog } from './__fixtures__/instance-fixture';
import { standinGate, standinSetup, writeStandinCidata } from './__fixtures__/standin-fixture';
import {
  type GuestFacts,
  instanceListSchema,
  listInstancesWithGuest,
  readGuestFacts,
  stop,
  syncGuestClock,
  up,
} from './index';

const gate = standinGate();
const actions = (log: EventLog) => log.events.flatMap((e) => (e.type === 'action' ? [e.action] : []));
const bootMs = 240_000;

/**
 * The devices `@winguest/guest` can ask for, against the stand-in guest under real QEMU (TCG):
 * three instances booted in parallel, each to ready over SSH — virtio-blk + virtio-net with the
 * guest agent channel (Debian's qemu-ga answers in the guest), virtio-scsi and NVMe without it (the
 * runner falls back to ACPI). Linux has the drivers: this proves the host side and the wiring.
 */
describe.skipIf(!gate.available)('disk buses, NICs and the guest agent with the stand-in guest', () => {
  let dir: string;
  let setup: Awaited<ReturnType<typeof standinSetup>>;
  const boot = (name: string, extra: Parameters<typeof setup.options>[2]) =>
    up(setup.options(name, {}, extra), { writeCidata: writeStandinCidata });
  let booted: Awaited<ReturnType<typeof boot>>[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'winguest-vm-devices-'));
    setup = await standinSetup(dir);
    booted = await Promise.all([
      boot('vblk', { disk: { size: '64M', interface: 'virtio-blk' }, nic: 'virtio-net', guestAgent: true }),
      boot('vscsi', { disk: { size: '64M', interface: 'virtio-scsi' }, nic: 'e1000e' }),
      boot('nvme', { disk: { size: '64M', interface: 'nvme' }, nic: 'virtio-net' }),
    ]);
  }, 3 * bootMs);

  afterAll(async () => {
    for (const name of ['vblk', 'vscsi', 'nvme'])
      await stop({ name, home: setup?.home, force: true }).catch(() => {});
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('each bus boots the guest to ready over SSH', () => {
    expect(booted.map((b) => [b.name, b.state])).toEqual([
      ['vblk', 'ready'],
      ['vscsi', 'ready'],
      ['nvme', 'ready'],
    ]);
  });

  test('ls --json: the agent names the OS and the guest address; without a channel there is no `guest`', async () => {
    const rows = await listInstancesWithGuest({ home: setup.home });
    expect(instanceListSchema.parse(rows)).toEqual(rows);
    const guest = (name: string) => rows.find((r) => r.name === name)?.guest;
    expect(guest('vblk')?.os?.name).toBe('winguest stand-in guest (Debian kernel, busybox)'); // its os-release
    expect(guest('vblk')?.os?.kernel).toMatch(/-amd64$/);
    expect(guest('vblk')?.ipAddresses).toContain('10.0.2.15'); // QEMU's user network lease
    expect(guest('vscsi')).toBeUndefined();
    expect(guest('nvme')).toBeUndefined();
  });

  test('stop: the agent powers the guest off; without one, ACPI does; neither is forced', async () => {
    const facts: GuestFacts | undefined = await readGuestFacts(
      { qgaSocket: join(setup.home, 'instances', 'vblk', 'qga.sock') },
      { guestAgent: true },
    );
    expect(facts).toBeDefined();
    // guest-set-time from the host clock, as after a start (the agent sets the clock and the RTC).
    expect(
      await syncGuestClock(
        { qgaSocket: join(setup.home, 'instances', 'vblk', 'qga.sock') },
        { guestAgent: true },
      ),
    ).toBe(true);
    const withAgent = new EventLog();
    const agentStop = await stop({ name: 'vblk', home: setup.home, onEvent: withAgent.listener });
    const withoutAgent = new EventLog();
    const acpiStop = await stop({ name: 'vscsi', home: setup.home, onEvent: withoutAgent.listener });
    expect(agentStop).toMatchObject({ wasRunning: true, forced: false });
    expect(actions(withAgent)).toContain('agent-shutdown-sent');
    expect(actions(withAgent)).not.toContain('powerdown-sent');
    expect(acpiStop).toMatchObject({ wasRunning: true, forced: false });
    expect(actions(withoutAgent)).toContain('powerdown-sent');
  }, 120_000);
});
