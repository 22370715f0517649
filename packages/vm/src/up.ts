import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { mediaIds } from '@winguest/qemu-args';
import { removeStaleTempFiles } from '@winguest/shell';
import { writeFileAtomic } from './_files';
import { type BootSession, bootQemu } from './boot';
import { cloneBootMode, cloneConfig, cloneSource } from './clone';
import { readConfig } from './create-instance';
import {
  createInstanceStaged,
  type InstanceSetup,
  provideInstallMedia,
  rollBackUnfinished,
} from './create-staged';
import { ejectMedia } from './eject-media';
import { PreflightError, VmError } from './errors';
import { eventEmitter, type VmEventInput, type VmEventListener } from './events';
import { syncGuestClock } from './guest-agent';
import { haltInstance } from './halt';
import { probeVmHost, type VmHost } from './host-probe';
import { type InstancePaths, instancePaths } from './instance-paths';
import { readState, transition } from './instance-state';
import { acquireLock } from './lock';
import { loginFailure, saidReady } from './login-failure';
import { preflight } from './preflight';
import { runningPid } from './processes';
import { type BootMode, ProgressTracker, type StageTiming } from './progress-tracker';
import { instanceQemuCommand } from './qemu-command';
import { resolvePorts } from './resolve-ports';
import { ScreenshotTaker } from './screenshots';
import { SerialTail } from './serial-tail';
import { type SshConnection, sshConnection, sshTarget } from './ssh-connection';
import { readPublicKey } from './ssh-keys';
import { defaultHome } from './state-dir';
import { resolveTimeouts } from './timeouts';
import { type InstanceConfig, type UpOptionsInput, upOptionsSchema } from './up-options';
import { ensureVars } from './vars-store';
import { watchUntilReady } from './watch';

/** Callbacks and host facts for `up` and `start` (not part of the config snapshot). */
export interface UpRunOptions {
  /** Receives every progress event. */
  onEvent?: VmEventListener;
  /** Aborting stops QEMU and swtpm and leaves the instance resumable (`aborted` error). */
  signal?: AbortSignal;
  /**
   * Writes the cidata ISO to `path` for a new install; gets the instance's SSH public key to put
   * into the guest's authorized keys. Alternative to `media.cidata`.
   */
  writeCidata?: (context: { name: string; path: string; sshPublicKey: string }) => Promise<void> | void;
  /** Host facts from an earlier `probeVmHost` (default: probed now). */
  host?: VmHost;
  /** Where the probe keeps its per-boot QEMU and accelerator verdicts (default: no cache). */
  probeCacheDir?: string;
}

/** What `up` and `start` return once the guest is ready. */
export interface UpResult {
  name: string;
  dir: string;
  state: 'ready';
  /** `install` when Setup ran in this boot, `installed` when the disk was booted. */
  mode: BootMode;
  /** True when the instance was already running and ready: nothing was booted. */
  alreadyRunning: boolean;
  accelerator: VmHost['accelerator'];
  /** QEMU's pid (it keeps running after `up` returns). */
  pid: number;
  ssh: SshConnection;
  ports: { ssh: number; rdp?: number };
  /** Each stage with its start (ms since epoch) and duration. */
  stages: StageTiming[];
  /** Time from the call to ready, ms. */
  totalMs: number;
  /** Media ejected after ready (QEMU drive ids). */
  ejected: string[];
  /** The newest screenshot. */
  screenshot?: string;
  /** Warnings also sent as `warning` events. */
  warnings: string[];
}

/**
 * Creates the instance when it does not exist, boots it, and returns once an SSH login works:
 * a new or unfinished instance installs from its media; an installed one boots its disk without
 * install media. QEMU keeps running afterwards; `stop` ends it.
 * @throws PreflightError before anything is created; VmError (`guest-failed`, `qemu-exited`,
 *   `stage-timeout`, `aborted`, `instance-locked`, …) with stage, serial tail and screenshot.
 */
export async function up(input: UpOptionsInput = {}, run: UpRunOptions = {}): Promise<UpResult> {
  const startedAt = Date.now();
  const emit = eventEmitter(run.onEvent, startedAt);
  const parsed = upOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(options)'}: ${issue.message}`,
    );
    throw new VmError('invalid-options', `Invalid options:\n  ${lines.join('\n  ')}`);
  }
  const options = parsed.data;
  const home = resolve(options.home ?? defaultHome());
  const paths = instancePaths(options.name, home);
  const unfinished = rollBackUnfinished(paths);
  const stored = readConfig(paths);
  const image = cloneSource(options, stored, home);
  const mode: BootMode = image
    ? cloneBootMode(image)
    : readState(paths.state)?.installedAt
      ? 'installed'
      : 'install';
  const alive = runningPid(paths.qemuPid);
  if (alive !== undefined) return alreadyRunning(paths, stored, mode, alive, startedAt);
  const ports = await resolvePorts(options, stored);
  const created = {
    ...withoutHome(options),
    ports: ports.ports,
    createdAt: new Date(startedAt).toISOString(),
  };
  const config: InstanceConfig = stored
    ? { ...stored, media: { ...stored.media, ...definedMedia(options.media) }, ports: ports.ports }
    : image
      ? cloneConfig(created, image)
      : created;
  const probed = run.host ? { host: run.host, issues: [] } : await probeVmHost(config, {}, run.probeCacheDir);
  const issues = [
    ...probed.issues,
    ...(await preflight({
      options: config,
      mode,
      paths,
      ports: ports.check,
      writesCidata: !!run.writeCidata,
    })),
  ];
  if (issues.length > 0 || !probed.host) throw new PreflightError(issues);
  const host = probed.host;
  if (unfinished)
    emit({
      type: 'action',
      action: 'rolled-back',
      message: `removed the unfinished instance in ${paths.dir}`,
    });
  if (!stored) {
    await createInstanceStaged({ paths, config, host, mode, run, image });
    if (image)
      emit({
        type: 'action',
        action: 'cloned',
        message: `disk is an overlay on image ${image.metadata.name}`,
      });
    emit({ type: 'action', action: 'created', message: `created instance ${config.name} in ${paths.dir}` });
  }
  // Leftovers of killed runs: half-made instances beside this one, half-written files in it.
  removeStaleTempFiles(dirname(paths.dir));
  removeStaleTempFiles(paths.dir);
  const lock = acquireLock(paths.lock, options.name);
  try {
    if (stored) await prepareFiles({ paths, config, host, mode, run });
    return await bootUntilReady({ paths, config, host, mode, run, emit, startedAt });
  } finally {
    lock.release();
  }
}

/** An existing instance: vars and config refreshed, and install media when it still installs. */
async function prepareFiles({ paths, config, host, mode, run }: InstanceSetup): Promise<void> {
  await ensureVars(paths, host);
  writeFileAtomic(paths.config, `${JSON.stringify(config, null, 2)}\n`);
  if (mode === 'install') await provideInstallMedia(paths, config, run, false);
}

interface BootInput {
  paths: InstancePaths;
  config: InstanceConfig;
  host: VmHost;
  mode: BootMode;
  run: UpRunOptions;
  emit: (event: VmEventInput) => void;
  startedAt: number;
}

async function bootUntilReady(input: BootInput): Promise<UpResult> {
  const { paths, config, host, mode, emit } = input;
  const command = instanceQemuCommand(config, host, paths, mode);
  const warnings = [...host.notes, ...command.warnings.map((w) => `${w.path}: ${w.message}`)];
  for (const message of warnings) emit({ type: 'warning', message });
  const shares = config.shares ?? [];
  const virtiofs = host.virtiofsd && shares.length > 0 ? { virtiofsd: host.virtiofsd, shares } : undefined;
  const session = await bootQemu(paths, command, config.tpm ? host.swtpm : undefined, virtiofs);
  emit({ type: 'action', action: 'qemu-started', message: `QEMU ${session.qemuPid} (${host.accelerator})` });
  const boot = {
    pid: session.qemuPid,
    startedAt: new Date().toISOString(),
    accelerator: host.accelerator,
    mode,
  };
  transition(paths.state, readState(paths.state)?.state ?? 'installing', { boot });
  const tracker = new ProgressTracker(mode, emit);
  const serial = new SerialTail(paths.serialLog);
  const screenshots = new ScreenshotTaker(paths.screenshots);
  const ssh = sshConnection(paths, config);
  try {
    await watchUntilReady({
      session,
      tracker,
      serial,
      screenshots,
      paths,
      emit,
      ssh: { ...sshTarget(ssh), readyCommand: config.ssh.readyCommand },
      timeouts: resolveTimeouts(host.accelerator, config.timeouts),
      screenshotIntervalMs: config.screenshotIntervalSeconds * 1000,
      pressKeys: mode === 'install' && !!config.media.windows && !config.media.noPromptBoot,
      keyWindowMs: host.accelerator === 'tcg' ? 90_000 : 20_000,
      loginAfterReadyMs: host.accelerator === 'tcg' ? 180_000 : 60_000,
      signal: input.run.signal,
    });
  } catch (error) {
    throw await failBoot(error, session, screenshots, input);
  }
  const ejected = mode === 'install' ? await ejectInstallMedia(session, config, paths, emit) : [];
  if (mode === 'installed') transition(paths.state, 'ready');
  if (mode === 'installed' && (await syncGuestClock(paths, config)))
    emit({
      type: 'action',
      action: 'clock-synced',
      message: 'guest clock set from the host through the agent',
    });
  await session.qmp.close();
  return {
    name: config.name,
    dir: paths.dir,
    state: 'ready',
    mode,
    alreadyRunning: false,
    accelerator: host.accelerator,
    pid: session.qemuPid,
    ssh,
    ports: { ssh: config.ports.ssh, rdp: config.ports.rdp },
    stages: tracker.timings,
    totalMs: Date.now() - input.startedAt,
    ejected,
    screenshot: screenshots.newest,
    warnings,
  };
}

/** Takes a last screenshot, stops QEMU and swtpm, and returns the error enriched for the caller. */
async function failBoot(
  error: unknown,
  session: BootSession,
  screenshots: ScreenshotTaker,
  { paths, config, mode, emit }: BootInput,
): Promise<unknown> {
  const stage = VmError.isInstance(error) ? error.stage : undefined;
  const login =
    VmError.isInstance(error) &&
    error.code === 'stage-timeout' &&
    !session.exit &&
    saidReady(error.serialTail)
      ? await loginFailure(
          sshTarget(sshConnection(paths, config)),
          readPublicKey(paths.sshPublicKey),
          config.ssh.readyCommand,
        )
      : undefined;
  if (!session.exit && stage) {
    await screenshots
      .take(session.qmp, `failed-${stage}`)
      .then((path) => emit({ type: 'screenshot', path, stage, reason: 'failure' }))
      .catch(() => {});
  }
  await haltInstance(paths, session.qmp);
  emit({ type: 'action', action: 'qemu-stopped', message: 'QEMU and swtpm stopped' });
  transition(paths.state, mode === 'install' ? 'installing' : 'stopped');
  if (!VmError.isInstance(error)) return error;
  return new VmError(error.code, login ? `${error.message} ${login}` : error.message, {
    stage: error.stage,
    serialTail: error.serialTail,
    screenshot: screenshots.newest,
    stderr: error.stderr,
    cause: error.cause,
  });
}

/** Ejects the Windows and cidata media, records it, and deletes the cidata ISO unless kept. */
async function ejectInstallMedia(
  session: BootSession,
  config: InstanceConfig,
  paths: InstancePaths,
  emit: (event: VmEventInput) => void,
): Promise<string[]> {
  const ids = [config.media.windows ? mediaIds.windows : undefined, mediaIds.cidata].filter(
    (id): id is string => id !== undefined,
  );
  const stuck = await ejectMedia(session.qmp, ids);
  if (stuck.length > 0) {
    emit({
      type: 'warning',
      message: `QEMU still holds media in ${stuck.join(', ')} after eject; the guest sees them until it stops (later boots attach no install media).`,
    });
  }
  emit({ type: 'action', action: 'media-ejected', message: `ejected ${ids.join(', ')}` });
  const now = new Date().toISOString();
  let cidataDeletedAt: string | undefined;
  if (!config.media.keepCidata) {
    rmSync(paths.cidata, { force: true });
    cidataDeletedAt = now;
    emit({
      type: 'action',
      action: 'cidata-deleted',
      message: `deleted ${paths.cidata} (it holds passwords)`,
    });
  }
  transition(paths.state, 'ready', { installedAt: now, ejected: { at: now, media: ids }, cidataDeletedAt });
  return ids;
}

function alreadyRunning(
  paths: InstancePaths,
  config: InstanceConfig | undefined,
  mode: BootMode,
  pid: number,
  startedAt: number,
): UpResult {
  const record = readState(paths.state);
  if (!config || record?.state !== 'ready') {
    throw new VmError(
      'instance-running',
      `Instance ${paths.dir} has QEMU running (pid ${pid}) but is ${record?.state ?? 'unknown'}; stop it first.`,
    );
  }
  return {
    name: config.name,
    dir: paths.dir,
    state: 'ready',
    mode,
    alreadyRunning: true,
    accelerator: record.boot?.accelerator ?? 'tcg',
    pid,
    ssh: sshConnection(paths, config),
    ports: { ssh: config.ports.ssh, rdp: config.ports.rdp },
    stages: [],
    totalMs: Date.now() - startedAt,
    ejected: [],
    warnings: [],
  };
}

function definedMedia(media: InstanceConfig['media']): Partial<InstanceConfig['media']> {
  return Object.fromEntries(Object.entries(media).filter(([, value]) => value !== undefined));
}

function withoutHome<T extends { home?: string }>(options: T): Omit<T, 'home'> {
  const { home: _home, ...rest } = options;
  return rest;
}
