import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { release } from 'node:os';
import { RealQemuGa } from '@winguest/test-media';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectQga, type QgaClient, QmpCommandError } from './index';

const tools = requireHostTools([{ command: 'qemu-ga', debian: 'qemu-guest-agent' }]);

describe.skipIf(!tools.available)(
  'against the real qemu-guest-agent (on this host, dangerous commands blocked)',
  () => {
    let agent: RealQemuGa;
    let qga: QgaClient;
    beforeAll(async () => {
      agent = new RealQemuGa();
      agent.start();
      qga = await connectQga({ path: agent.path }, { timeoutMs: 10_000 });
    });
    afterAll(async () => {
      await qga?.close();
      await agent?.stop();
    });

    test('guest-info: the installed agent’s version; shutdown and set-time are disabled here', async () => {
      const info = await qga.info();
      const version = execFileSync('qemu-ga', ['--version'], { encoding: 'utf8' }).match(/Agent (\S+)/)?.[1];
      expect(info.version).toBe(version);
      const enabled = Object.fromEntries(info.supported_commands.map((c) => [c.name, c.enabled]));
      expect(enabled).toMatchObject({ 'guest-ping': true, 'guest-shutdown': false, 'guest-set-time': false });
      expect(info.supported_commands.find((c) => c.name === 'guest-shutdown')?.['success-response']).toBe(
        false,
      );
    });

    test('ping, osinfo and network interfaces describe this host', async () => {
      await qga.ping();
      const osRelease = readFileSync('/etc/os-release', 'utf8');
      const os = await qga.osInfo();
      expect(os.id).toBe(osRelease.match(/^ID=(.*)$/m)?.[1]?.replaceAll('"', ''));
      expect(os['kernel-release']).toBe(release());
      const loopback = (await qga.networkInterfaces()).find((n) => n.name === 'lo');
      expect(loopback?.['ip-addresses']).toContainEqual({
        'ip-address-type': 'ipv4',
        'ip-address': '127.0.0.1',
        prefix: 8,
      });
    });

    test('a refused shutdown and set-time are clear errors (the agent answers, nothing happens)', async () => {
      const shutdown = await qga.shutdown('powerdown', { graceMs: 5000 }).catch((e: unknown) => e);
      expect(shutdown).toBeInstanceOf(QmpCommandError);
      expect(shutdown).toMatchObject({
        errorClass: 'CommandNotFound',
        description: 'Command guest-shutdown has been disabled',
      });
      await expect(qga.setTime()).rejects.toThrow('QGA command "guest-set-time" failed (CommandNotFound)');
    });

    test('a second client after the first one left synchronises and works', async () => {
      await qga.close();
      qga = await connectQga({ path: agent.path }, { timeoutMs: 10_000 });
      await expect(qga.ping()).resolves.toBeUndefined();
    });
  },
);
