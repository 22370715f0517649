import { execFileSync, spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { QemuHarness } from './__fixtures__/qemu-harness';
import { realQemuTools } from './__fixtures__/real-qemu-boot';
import { buildQemuArgs } from './index';
import { probeFirmware } from './probe/index';

const tools = requireHostTools(realQemuTools);

let harness: QemuHarness;
beforeEach(() => {
  harness = new QemuHarness();
});
afterEach(async () => {
  await harness.cleanup();
});

/** `qemu-img compare` (its exit code: 0 same, 1 different), reading past QEMU's write lock. */
const sameAsTemplate = (template: string, vars: string) =>
  spawnSync('qemu-img', ['compare', '-U', '-f', 'raw', '-F', 'qcow2', template, vars]).status === 0;

/** The internal snapshots of a qcow2 (read past QEMU's lock) and whether each holds memory state. */
const snapshots = (path: string) =>
  (
    JSON.parse(execFileSync('qemu-img', ['info', '-U', '--output=json', path], { encoding: 'utf8' })) as {
      snapshots?: Array<{ name: string; 'vm-state-size': number }>;
    }
  ).snapshots?.map((s) => ({ name: s.name, vmState: s['vm-state-size'] > 0 })) ?? [];

/**
 * The firmware on a qcow2 vars pflash: QEMU opens it as qcow2 with the template's size (amd64 OVMF
 * 528 KiB, arm64 AAVMF 64 MiB). On amd64 the firmware then runs and writes its variables through
 * it (the file stops matching the template within seconds); AAVMF under TCG takes minutes to get
 * there, too long for CI, so arm64 is checked paused.
 */
describe.skipIf(!tools.available)('UEFI vars in qcow2, with real firmware (TCG)', () => {
  test.each([['amd64'], ['arm64']] as const)(
    '%s: QEMU opens the vars as qcow2 (amd64 runs on: OVMF writes through it, savevm keeps memory in the disk)',
    async (arch) => {
      const fw = probeFirmware({ arch, secureBoot: false });
      if (!fw.available) throw new Error(fw.reason);
      const template = fw.firmware.varsTemplate ?? '';
      const dir = harness.tempDir();
      const vars = harness.vars(dir, template);
      const disk = harness.disk(dir);
      const command = buildQemuArgs(
        { arch, memoryMiB: 512, disk: { path: disk }, media: {} },
        {
          binary: arch === 'amd64' ? 'qemu-system-x86_64' : 'qemu-system-aarch64',
          accelerator: 'tcg',
          firmware: fw.firmware,
          varsPath: vars,
          varsFormat: 'qcow2',
          qmp: { path: join(dir, 'qmp.sock') },
        },
      );
      const info = JSON.parse(
        execFileSync('qemu-img', ['info', '--output=json', vars], { encoding: 'utf8' }),
      );
      expect(info).toMatchObject({ format: 'qcow2', 'virtual-size': statSync(template).size });
      expect(sameAsTemplate(template, vars)).toBe(true);

      const { qmp } = await harness.start(command, join(dir, 'qmp.sock'));
      const blocks = await qmp.execute('query-block');
      expect(blocks.find((b) => b.device === 'pflash1')?.inserted).toMatchObject({
        file: vars,
        drv: 'qcow2',
      });
      if (arch === 'arm64') return;
      await qmp.execute('cont');
      const started = Date.now();
      while (sameAsTemplate(template, vars) && Date.now() - started < 60_000) await sleep(1_000);
      expect(await qmp.execute('query-status')).toMatchObject({ status: 'running' });
      expect(sameAsTemplate(template, vars), 'the firmware wrote no variable').toBe(false);

      // savevm now works on UEFI: the memory state goes into the disk (its -drive comes first), the
      // vars get a disk-only snapshot of their own, so loadvm brings both back.
      const saved = await qmp.execute('human-monitor-command', { 'command-line': 'savevm s1' });
      expect(saved).toBe('');
      expect(snapshots(disk)).toEqual([{ name: 's1', vmState: true }]);
      expect(snapshots(vars)).toEqual([{ name: 's1', vmState: false }]);
    },
    90_000,
  );
});
