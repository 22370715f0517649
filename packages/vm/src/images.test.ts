import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { alive, processesMentioning } from './__fixtures__/instance-fixture';
import { standinGate, standinSetup, writeStandinCidata } from './__fixtures__/standin-fixture';
import {
  createImage,
  imagePaths,
  instancePaths,
  openInstance,
  removeImage,
  sshExec,
  start,
  stop,
  type UpResult,
  up,
} from './index';
import { runningPid } from './processes';
import { recordedHostKey } from './ssh-keys';

const gate = standinGate();

/** What sysprep gets: the stand-in checks for the generalize pass, as Windows would read it. */
const generalizeAnswerFile = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<unattend xmlns="urn:schemas-microsoft-com:unattend">',
  '  <settings pass="generalize">',
  '    <component name="Microsoft-Windows-PnpSysprep" processorArchitecture="amd64"',
  '      publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">',
  '      <PersistAllDeviceInstalls>true</PersistAllDeviceInstalls>',
  '    </component>',
  '  </settings>',
  '</unattend>',
  '',
].join('\n');

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * Images and clones with the stand-in guest under real QEMU (TCG, SeaBIOS): one instance installs
 * once; a plain image of it boots two clones in parallel; then the source is generalized by the
 * stand-in's sysprep (run over SSH like Windows') and a clone of that re-runs specialize with a new
 * identity. Stand-in boots take 40–120 s each on a loaded machine.
 */
describe.skipIf(!gate.available)('images and clones with the stand-in guest (real QEMU, TCG)', () => {
  let dir: string;
  let setup: Awaited<ReturnType<typeof standinSetup>>;
  const pids = new Set<number>();
  const track = (result: UpResult) => {
    pids.add(result.pid);
    return result;
  };
  const ref = (name: string) => ({ name, home: setup.home });
  const hostKey = (name: string) =>
    recordedHostKey(instancePaths(name, setup.home).knownHosts, `winguest-${name}`)?.toString('base64');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wg-vm-images-'));
    setup = await standinSetup(dir);
    track(await up(setup.options('base'), { writeCidata: writeStandinCidata }));
    expect((await sshExec(ref('base'), 'hostname')).stdout).toBe('base\n');
  }, 600_000);

  afterAll(async () => {
    const left = [...pids, ...processesMentioning(dir).map((line) => Number.parseInt(line, 10))];
    for (const pid of left.filter(alive)) process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 100 && processesMentioning(dir).length > 0; i++) await sleep(100);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  test('image create stops the running source cleanly and stores its disk', async () => {
    const image = await createImage({ name: 'plain', from: 'base', home: setup.home });
    expect(image).toMatchObject({
      generalized: false,
      source: { instance: 'base' },
      boot: { firmware: 'bios' },
    });
    expect(runningPid(instancePaths('base', setup.home).qemuPid)).toBeUndefined();
    expect(openInstance(ref('base')).state.state).toBe('stopped');
  }, 300_000);

  test('two clones of a plain image boot in parallel to ready as copies of the source', async () => {
    const disk = imagePaths('plain', setup.home).disk;
    const before = sha256(disk);
    const clones = await Promise.all(
      ['c1', 'c2'].map(async (name) => track(await up(setup.options(name, {}, { image: 'plain' })))),
    );
    for (const clone of clones) {
      expect(clone).toMatchObject({ mode: 'installed', state: 'ready' });
      expect(clone.stages.map((s) => s.stage)).toEqual(['firmware', 'boot', 'ready']);
      // Not generalized: the same computer name and SSH host key as the source.
      expect((await sshExec(ref(clone.name), 'hostname')).stdout).toBe('base\n');
      expect(hostKey(clone.name)).toBe(hostKey('base'));
    }
    expect(sha256(disk)).toBe(before);
    expect(() => removeImage({ name: 'plain', home: setup.home })).toThrow(
      /"c1", "c2"; remove those instances/,
    );
    await Promise.all(['c1', 'c2'].map((name) => stop({ ...ref(name), force: true })));
  }, 600_000);

  test('a generalized image: sysprep in the guest, and a clone re-specializes with a new identity', async () => {
    track(await start(ref('base')));
    const image = await createImage({
      name: 'gen',
      from: 'base',
      home: setup.home,
      generalize: { answerFile: generalizeAnswerFile, timeoutMs: 120_000 },
    });
    expect(image.generalized).toBe(true);
    expect(runningPid(instancePaths('base', setup.home).qemuPid)).toBeUndefined();

    const clone = track(
      await up(setup.options('g1', {}, { image: 'gen' }), { writeCidata: writeStandinCidata }),
    );
    expect(clone.mode).toBe('install');
    expect(clone.stages.map((s) => s.stage)).toEqual([
      'firmware',
      'specialize',
      'oobe',
      'first-logon',
      'provisioning',
      'ready',
    ]);
    expect((await sshExec(ref('g1'), 'hostname')).stdout).toBe('g1\n');
    expect(hostKey('g1')).toBeDefined();
    expect(hostKey('g1')).not.toBe(hostKey('base'));
    // The marker the guest's sysprep wrote is the answer file it was given.
    expect((await sshExec(ref('g1'), 'cat /var/lib/winguest/generalized')).stdout).toBe(generalizeAnswerFile);
  }, 900_000);
});
