import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { readIso } from '@winguest/cidata-iso';
import { diskId } from '@winguest/qemu-args';
import { connectQmp } from '@winguest/qmp';
import { standinStages } from '@winguest/standin-guest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { alive, EventLog, processesMentioning } from './__fixtures__/instance-fixture';
import { runOverAgent, testAgentLauncher } from './__fixtures__/ssh-agent-launcher';
import { standinGate, standinSetup, writeStandinCidata } from './__fixtures__/standin-fixture';
import {
  instancePaths,
  openInstance,
  removeInstance,
  sshAgentStatus,
  sshExec,
  stages,
  start,
  stop,
  type UpResult,
  up,
  VmError,
  type VmEvent,
} from './index';

const gate = standinGate();
const agentIdleMs = 3_000;
const agent = testAgentLauncher(agentIdleMs);
const bootMs = 180_000;
/** Every stage of an install, in the order `stages` declares (`boot` is for installed instances). */
const installStages = stages.filter((stage) => stage !== 'boot');
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The `WINGUEST …` lines of a serial log. */
const progressLines = (path: string) => readFileSync(path, 'utf8').match(/WINGUEST [^\r\n]*/g) ?? [];

/**
 * The runner against the stand-in guest (`@winguest/standin-guest`: a Linux kernel + initramfs that,
 * seen from outside, installs like our Windows guest: progress lines, one Setup reboot, SSH with the
 * key from our cidata ISO) under real QEMU, TCG and SeaBIOS. The CLI's lifecycle tests drive the
 * commands end to end; these check the runner's own contract: the event stream, the files it deletes
 * or keeps, the guest's host key, forced stops, resuming an interrupted install, guest failures.
 * Three instances, each its own QEMU: `main` (install, ssh, stop, start, forced stop), `resumed`
 * (aborted install, resumed, removed) and `broken` (an install the guest fails).
 */
describe.skipIf(!gate.available)('lifecycle with the stand-in guest (real QEMU, TCG, SeaBIOS)', () => {
  let dir: string;
  let setup: Awaited<ReturnType<typeof standinSetup>>;
  let failing: Promise<unknown>;
  let resuming: ReturnType<typeof abortThenResume>;
  const qemuPids = new Set<number>();
  const track = (result: UpResult) => {
    qemuPids.add(result.pid);
    return result;
  };
  const ref = (name: string) => ({ name, home: setup.home });
  const paths = (name: string) => instancePaths(name, setup.home);

  /**
   * `resumed`: an install aborted while the guest waits in `specialize` (each stage waits 2 s after
   * its start line), what it left behind, then `up` again with the same options.
   */
  async function abortThenResume() {
    const options = setup.options(
      'resumed',
      { stageDelay: 2 },
      { media: { windows: setup.windows, keepCidata: true } },
    );
    let cidataWrites = 0;
    const writeCidata: typeof writeStandinCidata = (context) => {
      cidataWrites++;
      return writeStandinCidata(context);
    };
    const controller = new AbortController();
    const aborted = await up(options, {
      writeCidata,
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'step' && e.step === 'specialize' && e.status === 'start') controller.abort();
      },
    }).catch((e: unknown) => e);
    const afterAbort = {
      state: openInstance(ref('resumed')).state,
      lastLine: progressLines(paths('resumed').serialLog).at(-1),
      processes: processesMentioning(paths('resumed').dir),
    };
    const log = new EventLog();
    const resumed = await up(options, { writeCidata, onEvent: log.listener });
    return { aborted, afterAbort, resumed: track(resumed), log, cidataWrites };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wg-vm-lifecycle-'));
    setup = await standinSetup(dir);
    // `broken` and `resumed` run from here, beside `main`, to keep the file fast; their tests
    // check what they recorded.
    failing = up(setup.options('broken', { failAt: 'network' }), { writeCidata: writeStandinCidata }).catch(
      (e: unknown) => e,
    );
    resuming = abortThenResume();
    resuming.catch(() => {}); // reported by its test
  }, 600_000);

  afterAll(async () => {
    await Promise.allSettled([failing, resuming]);
    const pids = [...qemuPids, ...processesMentioning(dir).map((line) => Number.parseInt(line, 10))];
    for (const pid of pids.filter(alive)) process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 100 && processesMentioning(dir).length > 0; i++) await sleep(100);
    const left = processesMentioning(dir);
    rmSync(dir, { recursive: true, force: true });
    expect(left).toEqual([]);
  }, 60_000);

  test(
    'up installs to ready: stages in order, one reboot event for the guest reboot, media ejected, cidata deleted',
    async () => {
      const log = new EventLog();
      // A secret in the caller's environment must not reach QEMU (nor swtpm, qemu-img).
      const secret = 'Lifecycle-Secret-1';
      process.env.WINGUEST_PASSWORD = secret;
      const result = track(
        await up(setup.options('main'), { writeCidata: writeStandinCidata, onEvent: log.listener }).finally(
          () => delete process.env.WINGUEST_PASSWORD,
        ),
      );
      expect(result).toMatchObject({ mode: 'install', alreadyRunning: false, accelerator: 'tcg' });
      const environ = readFileSync(`/proc/${result.pid}/environ`, 'utf8').split('\0');
      expect(environ.filter((v) => v.includes(secret) || v.startsWith('WINGUEST_PASSWORD='))).toEqual([]);
      expect(environ.some((v) => v.startsWith('PATH='))).toBe(true);
      expect(readFileSync(`/proc/${result.pid}/cmdline`, 'utf8')).not.toContain(secret);

      const stageEvents = log.of('stage');
      expect(stageEvents.map((e) => e.stage)).toEqual(installStages);
      expect(stageEvents.slice(1).map((e) => e.previous?.stage)).toEqual(installStages.slice(0, -1));
      expect(result.stages.map((s) => s.stage)).toEqual(installStages);
      expect(result.stages.filter((s) => s.durationMs === undefined).map((s) => s.stage)).toEqual(['ready']);
      expect(log.of('step').map((e) => `${e.step} ${e.status}`)).toEqual(
        standinStages.flatMap((step) => [`${step} start`, `${step} ok`]),
      );

      // The guest rebooted once (its kernel says so on the serial port). QMP reported several RESETs
      // (SeaBIOS), the runner one reboot, after the lines the guest printed before it.
      const serial = readFileSync(paths('main').serialLog, 'utf8');
      expect(serial.match(/reboot: Restarting system/g)).toHaveLength(1);
      expect(log.of('reboot').map((e) => e.count)).toEqual([1]);
      const index = (match: (e: VmEvent) => boolean) => log.events.findIndex(match);
      const reboot = index((e) => e.type === 'reboot');
      const imageApplied = index(
        (e) => e.type === 'step' && e.step === 'applying-image' && e.status === 'ok',
      );
      expect(imageApplied).toBeLessThan(reboot);
      expect(log.events[reboot + 1]).toMatchObject({ type: 'stage', stage: 'specialize' });
      expect(log.of('action').map((e) => e.action)).toEqual([
        'created',
        'qemu-started',
        'boot-key-sent',
        'ssh-login',
        'media-ejected',
        'cidata-deleted',
      ]);
      // Ready needs both the guest's `WINGUEST ready` and a login that ran the ready command after it.
      const readyLine = index((e) => e.type === 'serial' && e.line === 'WINGUEST ready');
      const login = index((e) => e.type === 'action' && e.action === 'ssh-login');
      expect(readyLine).toBeGreaterThan(-1);
      expect(readyLine).toBeLessThan(login);
      expect(login).toBeLessThan(index((e) => e.type === 'stage' && e.stage === 'ready'));

      // Ejected in QEMU itself (asked over QMP), recorded, and the cidata ISO (passwords) is gone.
      expect(result.ejected).toEqual(['cd-windows', 'cd-cidata']);
      const qmp = await connectQmp({ path: paths('main').qmpSocket });
      const blocks = await qmp.execute('query-block').finally(() => qmp.close());
      expect(Object.fromEntries(blocks.map((b) => [b.device, b.inserted !== undefined]))).toEqual({
        [diskId]: true,
        'cd-windows': false,
        'cd-cidata': false,
      });
      const { state } = openInstance(ref('main'));
      expect(state).toMatchObject({ state: 'ready', ejected: { media: ['cd-windows', 'cd-cidata'] } });
      expect(state.installedAt).toBeTypeOf('string');
      expect(state.cidataDeletedAt).toBeTypeOf('string');
      expect(existsSync(paths('main').cidata)).toBe(false);
    },
    bootMs,
  );

  test('sshExec returns output and exit codes; the host key recorded at the first login is enforced', async () => {
    expect(await sshExec(ref('main'), 'hostname')).toEqual({ exitCode: 0, stdout: 'main\n', stderr: '' });
    expect(await sshExec(ref('main'), 'echo out; echo err >&2; exit 7')).toEqual({
      exitCode: 7,
      stdout: 'out\n',
      stderr: 'err\n',
    });

    // up's login recorded the guest's own host key (as the guest prints it).
    const knownHosts = readFileSync(paths('main').knownHosts, 'utf8');
    const lines = knownHosts.trim().split('\n');
    expect(lines).toHaveLength(1);
    const [alias, type, key] = (lines[0] as string).split(' ');
    expect([alias, type]).toEqual(['winguest-main', 'ssh-ed25519']);
    const hostKey = await sshExec(
      ref('main'),
      'dropbearkey -y -f /var/lib/winguest/dropbear_ed25519_host_key',
    );
    expect(hostKey.stdout).toContain(`ssh-ed25519 ${key} `);

    // With another key recorded for the guest, the login is refused.
    const otherKey = readFileSync(paths('main').sshPublicKey, 'utf8').split(' ').slice(0, 2).join(' ');
    writeFileSync(paths('main').knownHosts, `winguest-main ${otherKey}\n`);
    const refused = await sshExec(ref('main'), 'true').catch((e: unknown) => e);
    writeFileSync(paths('main').knownHosts, knownHosts);
    expect(VmError.isInstance(refused) && refused.code).toBe('ssh-failed');
    expect((refused as Error).message).toContain('verification failed');
  });

  test('commands share one connection through the agent: bytes and exit codes pass through; a killed agent is replaced; an idle one exits', async () => {
    const socket = paths('main').sshAgentSocket;
    const run = (command: string, stdin?: Buffer) => runOverAgent(ref('main'), command, agent, stdin);
    // Every command of the first agent: the guest's sshd (dropbear) forks one process per
    // connection, so the same pids on every call are the same session.
    const sessions = await run('pidof dropbear');
    expect(sessions.exit).toEqual({ code: 0, signal: null });
    const payload = randomBytes(256 * 1024);
    const echoed = await run('cat; printf err >&2; exit 3', payload);
    expect(echoed.exit).toEqual({ code: 3, signal: null });
    expect(echoed.stdout.equals(payload)).toBe(true);
    expect(echoed.stderr.toString()).toBe('err');
    expect((await run('hostname')).stdout.toString()).toBe('main\n');
    expect((await run('kill -TERM $$')).exit).toEqual({ code: null, signal: 'SIGTERM' });
    expect((await run('pidof dropbear')).stdout).toEqual(sessions.stdout);
    const first = await sshAgentStatus(ref('main'));
    expect(first).toMatchObject({ connections: 1, channels: 5, active: 0 });
    expect(statSync(socket).mode & 0o777).toBe(0o600);

    // A killed agent leaves its socket behind; the next command starts a new agent in its place.
    process.kill(first?.pid as number, 'SIGKILL');
    await sleep(100);
    expect(existsSync(socket)).toBe(true);
    expect((await run('echo again')).stdout.toString()).toBe('again\n');
    const second = await sshAgentStatus(ref('main'));
    expect(second).toMatchObject({ connections: 1, channels: 1 });
    expect(second?.pid).not.toBe(first?.pid);

    // Idle for agentIdleMs: it closes its connection, removes its socket and exits.
    for (let i = 0; i < 100 && alive(second?.pid as number); i++) await sleep(100);
    expect(alive(second?.pid as number)).toBe(false);
    expect(existsSync(socket)).toBe(false);
    expect(readFileSync(paths('main').sshAgentLog, 'utf8')).toContain(`exiting: idle for ${agentIdleMs} ms`);
    // One more for the stop test below.
    expect((await run('true')).exit.code).toBe(0);
  });

  test(
    'stop powers the guest off through ACPI; start boots the disk without install media and reuses the host key',
    async () => {
      const installPid = openInstance(ref('main')).state.boot?.pid as number;
      const agentPid = (await sshAgentStatus(ref('main')))?.pid as number;
      const stopLog = new EventLog();
      const stopped = await stop({ ...ref('main'), onEvent: stopLog.listener });
      expect(stopped).toMatchObject({ wasRunning: true, forced: false });
      expect(stopLog.of('action').map((e) => e.action)).toEqual(['powerdown-sent', 'qemu-stopped']);
      expect(alive(installPid)).toBe(false);
      // The agent may be finishing its own exit (the guest closed its connection first): a few seconds at most.
      for (let i = 0; i < 50 && alive(agentPid); i++) await sleep(100);
      expect(alive(agentPid)).toBe(false);
      expect(existsSync(paths('main').sshAgentSocket)).toBe(false);
      expect(openInstance(ref('main')).state.state).toBe('stopped');

      const knownHosts = readFileSync(paths('main').knownHosts, 'utf8');
      const log = new EventLog();
      const started = track(await start(ref('main'), { onEvent: log.listener }));
      expect(started).toMatchObject({ mode: 'installed', ejected: [] });
      expect(log.of('stage').map((e) => e.stage)).toEqual(['firmware', 'boot', 'ready']);
      expect(log.of('reboot')).toEqual([]);
      const cmdline = readFileSync(`/proc/${started.pid}/cmdline`, 'utf8');
      expect(cmdline).not.toContain(setup.windows);
      expect(cmdline).not.toContain(paths('main').cidata);
      // The stand-in prints `eject fail …` instead of `ready` when it finds the install media.
      expect(progressLines(paths('main').serialLog)).toEqual(['WINGUEST ready']);
      // start's login was checked against the recorded key, which stayed as it was.
      expect(readFileSync(paths('main').knownHosts, 'utf8')).toBe(knownHosts);
      expect(openInstance(ref('main')).state.state).toBe('ready');
    },
    bootMs,
  );

  test('stop ends QEMU after the timeout when the guest ignores the ACPI powerdown', async () => {
    const pid = openInstance(ref('main')).state.boot?.pid as number;
    // The stand-in powers off from busybox acpid's power-button action. Without acpid the button
    // press reaches nobody, as with a hung Windows guest.
    expect(await sshExec(ref('main'), 'killall acpid; sleep 0.2; pidof acpid')).toMatchObject({
      exitCode: 1,
      stdout: '',
    });
    const log = new EventLog();
    const stopping = stop({ ...ref('main'), timeoutSeconds: 6, onEvent: log.listener });
    await Promise.race([log.next((e) => e.type === 'action' && e.action === 'powerdown-sent'), stopping]);
    await sleep(1_500);
    // The stand-in's power-button action would have stopped SSH first: it still answers.
    expect(await sshExec(ref('main'), 'echo still here')).toMatchObject({
      exitCode: 0,
      stdout: 'still here\n',
    });
    expect(await stopping).toMatchObject({ wasRunning: true, forced: true });
    expect(log.of('action').map((e) => e.action)).toEqual(['powerdown-sent', 'qemu-stopped']);
    expect(alive(pid)).toBe(false);
    expect(processesMentioning(paths('main').dir)).toEqual([]);
    expect(openInstance(ref('main')).state.state).toBe('stopped');
  }, 60_000);

  test(
    'an abort mid-stage leaves the install resumable; the next up continues from the disk to ready and keeps cidata',
    async () => {
      const { aborted, afterAbort, resumed, log, cidataWrites } = await resuming;
      expect(VmError.isInstance(aborted) && aborted.code).toBe('aborted');
      expect((aborted as VmError).stage).toBe('specialize');
      expect(afterAbort.lastLine).toBe('WINGUEST specialize start');
      expect(afterAbort.state.state).toBe('installing');
      expect(afterAbort.state.installedAt).toBeUndefined();
      expect(afterAbort.processes).toEqual([]);

      expect(resumed.mode).toBe('install');
      // What Setup wrote to the disk before the reboot survived: no setup stage, no reboot now.
      expect(log.of('stage').map((e) => e.stage)).toEqual(
        installStages.filter((s) => !/setup|image/.test(s)),
      );
      expect(log.of('reboot')).toEqual([]);
      expect(resumed.ejected).toEqual(['cd-windows', 'cd-cidata']);
      // keepCidata: the ISO written once, for the first attempt, is still there.
      expect(cidataWrites).toBe(1);
      expect(log.of('action').map((e) => e.action)).not.toContain('cidata-deleted');
      expect(openInstance(ref('resumed')).state.cidataDeletedAt).toBeUndefined();
      const kept = await readIso(paths('resumed').cidata);
      expect(kept.entries.map((e) => e.path)).toContain('winguest/authorized_keys');
    },
    bootMs,
  );

  test('removeInstance ends the running instance and deletes it; no process is left', async () => {
    const pid = openInstance(ref('resumed')).state.boot?.pid as number;
    expect(alive(pid)).toBe(true);
    expect((await runOverAgent(ref('resumed'), 'true', agent)).exit.code).toBe(0);
    const agentPid = (await sshAgentStatus(ref('resumed')))?.pid as number;
    await removeInstance({ ...ref('resumed'), force: true });
    expect(alive(agentPid)).toBe(false);
    expect(existsSync(paths('resumed').dir)).toBe(false);
    expect(alive(pid)).toBe(false);
    expect(processesMentioning(paths('resumed').dir)).toEqual([]);
  });

  test(
    'a guest fail line ends up with guest-failed naming the step, with the serial tail and a screenshot',
    async () => {
      const error = await failing;
      expect(VmError.isInstance(error) && error.code).toBe('guest-failed');
      const failure = error as VmError;
      expect(failure.message).toBe(
        'The guest reported a failure in "network": failed on request (winguest.fail=network)',
      );
      expect(failure.stage).toBe('provisioning');
      expect(failure.serialTail.at(-1)).toMatch(/^WINGUEST network fail \d+\.\d\d failed on request/);
      expect(failure.screenshot).toMatch(/failed-provisioning\.png$/);
      expect(readFileSync(failure.screenshot as string).subarray(0, 8)).toEqual(pngSignature);
      expect(openInstance(ref('broken')).state.state).toBe('installing');
      expect(processesMentioning(paths('broken').dir)).toEqual([]);
    },
    bootMs,
  );
});
