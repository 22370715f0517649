import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RealQemuGa } from '@winguest/test-media';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { agentShutdown, readGuestFacts, syncGuestClock } from './guest-agent';
import { instanceListSchema } from './list-json';
import { resyncGuestClock } from './restore-snapshot';

const tools = requireHostTools([{ command: 'qemu-ga', debian: 'qemu-guest-agent' }]);

describe('no agent: every use falls back quickly', () => {
  let dir: string;
  let silent: Server;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'winguest-noqga-'));
    // QEMU accepts connections on the channel even when no agent runs in the guest: a silent socket.
    silent = createServer(() => {});
    await new Promise<void>((done) => silent.listen(join(dir, 'qga.sock'), done));
  });
  afterAll(() => {
    silent.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('channel off: nothing is tried', async () => {
    const paths = { qgaSocket: join(dir, 'qga.sock') };
    expect(await readGuestFacts(paths, { guestAgent: false })).toBeUndefined();
    expect(await agentShutdown(paths, {})).toBe(false);
  });

  test('channel on, nobody answers: undefined / false within the short timeout', async () => {
    const paths = { qgaSocket: join(dir, 'qga.sock') };
    const started = Date.now();
    expect(await readGuestFacts(paths, { guestAgent: true })).toBeUndefined();
    expect(await syncGuestClock(paths, { guestAgent: true })).toBe(false);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await agentShutdown({ qgaSocket: join(dir, 'absent.sock') }, { guestAgent: true })).toBe(false);
  });

  test('after a snapshot restore without an agent channel, the clock step costs nothing and says why', async () => {
    // Before, the restore waited the agent's whole 3 s timeout for a socket QEMU never makes.
    const warnings: string[] = [];
    const started = performance.now();
    const clock = await resyncGuestClock({ qgaSocket: join(dir, 'absent.sock') }, {}, (event) => {
      if (event.type === 'warning') warnings.push(event.message);
    });
    expect(performance.now() - started).toBeLessThan(500);
    expect(clock).toBe('not-synced');
    expect(warnings).toEqual([
      'the instance has no guest agent channel (guestAgent): the guest clock lags by the time since the snapshot until its own time sync corrects it',
    ]);
  });
});

describe.skipIf(!tools.available)(
  'against the real qemu-guest-agent (this host, shutdown and set-time blocked)',
  () => {
    let agent: RealQemuGa;
    beforeAll(() => {
      agent = new RealQemuGa();
      agent.start();
    });
    afterAll(() => agent?.stop());

    test('guest facts: the OS name and the addresses, as ls --json publishes them', async () => {
      let facts = await readGuestFacts({ qgaSocket: agent.path }, { guestAgent: true });
      for (let i = 0; !facts && i < 20; i++) {
        await new Promise((r) => setTimeout(r, 250)); // the agent is still creating its socket
        facts = await readGuestFacts({ qgaSocket: agent.path }, { guestAgent: true });
      }
      expect(facts?.os?.name).toMatch(/\S/);
      expect(facts?.ipAddresses.every((ip) => !ip.startsWith('127.'))).toBe(true);
      const row = {
        name: 'x',
        state: 'ready',
        arch: 'amd64',
        running: true,
        ports: { ssh: 2222 },
        dir: '/x',
      };
      expect(instanceListSchema.safeParse([{ ...row, guest: facts }]).success).toBe(true);
    });

    test('a blocked guest-set-time is reported as not done, not thrown', async () => {
      expect(await syncGuestClock({ qgaSocket: agent.path }, { guestAgent: true })).toBe(false);
    });
  },
);
