import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { describe, expect, test } from 'vitest';
import { formatOverhead, overheadOf } from '../src/report/format.ts';
import { runScenario } from '../src/runner/run-scenario.ts';
import { defaultCliPath } from '../src/runner/winguest-cli.ts';
import { scenarioInputs } from '../src/scenario/scenarios.ts';
import { parseScenarios } from '../src/scenario/select-scenarios.ts';
import { buildStandinBoot } from '../src/standin-boot.ts';

const common = [
  { command: 'qemu-img', debian: 'qemu-utils' },
  { command: 'apt-get', debian: 'apt' },
  { command: 'dpkg-deb', debian: 'dpkg' },
  { command: 'readelf', debian: 'binutils' },
];
const gates = {
  amd64: requireHostTools([{ command: 'qemu-system-x86_64', debian: 'qemu-system-x86' }, ...common]),
  // arm64's boot media: a FAT ESP (dosfstools, mtools) in an El Torito ISO (xorriso).
  arm64: requireHostTools([
    { command: 'qemu-system-aarch64', debian: 'qemu-system-arm' },
    { command: 'mkfs.vfat', debian: 'dosfstools' },
    { command: 'mcopy', debian: 'mtools' },
    { command: 'xorriso', debian: 'xorriso' },
    ...common,
  ]),
};
const standins = parseScenarios(scenarioInputs).filter((s) => s.guest === 'standin');

// One real boot cycle per architecture, as `pnpm e2e --scenario standin-<arch>` runs it: the built
// CLI builds the media, `up` installs the stand-in guest under TCG (one reboot, eject, SSH), the
// checks run over `winguest ssh`, then logs, stop, rm. amd64 boots the kernel directly (about a
// minute); arm64 boots its EFI media from the firmware and then its disk (about two and a half).
// The clone scenario then makes a generalized image of its guest and boots three clones at once.
describe.each(standins.map((s) => [s.name, s] as const))('the %s scenario, end to end', (_name, standin) => {
  const gate = gates[standin.arch];
  test.skipIf(!gate.available)(
    'passes every check, records stages and time to SSH, keeps its artifacts',
    {
      timeout: 900_000,
    },
    async () => {
      const dir = join(mkdtempSync(join(tmpdir(), 'e2e-standin-')), standin.name);
      const boot = await buildStandinBoot(standin.arch);
      const result = await runScenario({
        scenario: standin,
        config: 'kernel' in boot ? { kernel: boot } : { bootIso: boot.bootIso },
        dir,
        cliPath: defaultCliPath(),
        keepPassingFilmstrip: true,
        log: () => {},
      });
      expect(result.failure).toBeUndefined();
      expect(result.verdict).toBe('passed');
      expect(result.checks.map((c) => [c.id, c.verdict])).toEqual(standin.checks.map((id) => [id, 'passed']));
      // The stages `up` reported, in order (which ones the runner sees is @winguest/vm's business).
      const stages = result.stages.map((s) => s.stage);
      expect(stages[0]).toBe('firmware');
      expect(stages).toEqual(expect.arrayContaining(['setup', 'provisioning']));
      expect(result.timeToSshMs).toBeGreaterThan(0);
      const clones = standin.options.clones;
      const afterChecks = clones ? ['image', 'clones'] : ['stop'];
      expect(result.phases.map((p) => [p.phase, p.ok])).toEqual(
        ['media', 'up', 'checks', 'logs', ...afterChecks, 'rm'].map((phase) => [phase, true]),
      );
      if (clones) {
        // Every clone answered SSH; generalized ones each with a hostname and host key of their own.
        expect(result.clones).toHaveLength(clones.count);
        expect(result.cloneToSshMs).toBeGreaterThan(0);
        expect(result.imageGeneralized).toBe(clones.generalize);
        for (const clone of result.clones) expect(clone.timeToSshMs).toBeGreaterThan(0);
        if (clones.generalize) {
          expect(new Set(result.clones.map((c) => c.hostname)).size).toBe(clones.count);
          expect(new Set(result.clones.map((c) => c.hostKey)).size).toBe(clones.count);
        }
        // Each clone's serial log is kept, with the key its guest authorized: its own.
        for (const clone of result.clones) {
          const serial = readFileSync(join(dir, `${clone.name}-serial.log`), 'utf8');
          expect(serial).toContain('WINGUEST ready');
          expect(serial).toMatch(
            new RegExp(`standin: authorized key ssh-ed25519 \\.{3}\\S{12} winguest-${clone.name}\\r?\\n`),
          );
        }
      }
      expect(readFileSync(join(dir, 'serial.log'), 'utf8')).toContain('WINGUEST ready');
      expect(readFileSync(join(dir, 'provision.log'), 'utf8')).toMatch(/WINGUEST ready\s*$/);
      const command = readFileSync(join(dir, 'qemu-command.txt'), 'utf8');
      if ('kernel' in boot) expect(command).toContain('-kernel');
      else {
        // Booted like Windows: no -kernel, the EFI media on usb-storage, the firmware's boot order.
        expect(command).not.toContain('-kernel');
        expect(command).toContain(boot.bootIso);
        expect(command).toContain('usb-storage');
        expect(readFileSync(join(dir, 'serial.log'), 'utf8')).toMatch(
          /BdsDxe: starting Boot\d+ "UEFI QEMU NVMe/,
        );
      }
      expect(result.artifacts.filmstrip.length).toBeGreaterThan(0);
      expect(existsSync(join(dir, result.artifacts.filmstrip[0]?.file ?? 'none'))).toBe(true);
      const overhead = overheadOf(result);
      expect(overhead).toBeDefined();
      if (overhead) console.log(`[e2e] ${formatOverhead(standin.name, overhead)}`);
      console.log(
        `[e2e] ${standin.name} phases: ${result.phases.map((p) => `${p.phase} ${p.durationMs} ms`).join(', ')}`,
      );
    },
  );
});
