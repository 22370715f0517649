import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { QemuCommand } from '@winguest/qemu-args';
import type { Virtiofsd } from '@winguest/qemu-args/probe';
import { connectQmp, type QmpClient } from '@winguest/qmp';
import { childEnvironment } from '@winguest/shell';
import { spawnDetached } from './_spawn-detached';
import { VmError } from './errors';
import type { InstancePaths } from './instance-paths';
import { isAlive, readPid, terminate } from './processes';
import type { UpOptions } from './up-options';
import { haltVirtiofsd, startVirtiofsd } from './virtiofsd';

/** How a spawned process ended. */
export interface ProcessExit {
  exitCode?: number;
  signal?: string;
}

/** A running boot: QEMU (and swtpm), with a QMP connection. */
export interface BootSession {
  qemuPid: number;
  swtpmPid?: number;
  qmp: QmpClient;
  /** Set once QEMU has exited. */
  exit?: ProcessExit;
  /** Resolves when QEMU exits. */
  exited: Promise<ProcessExit>;
}

/** QEMU's stderr so far (its log file), trimmed to the last `max` characters. */
export function qemuStderr(paths: InstancePaths, max = 4000): string {
  try {
    return readFileSync(paths.qemuLog, 'utf8').slice(-max).trim();
  } catch {
    return '';
  }
}

/** The virtiofsd to run and the shares it serves (one daemon each). */
export interface BootShares {
  virtiofsd: Virtiofsd;
  shares: UpOptions['shares'];
}

/**
 * Starts virtiofsd per share (when `shares` has any), swtpm (when `swtpm` is given) and QEMU as detached processes that outlive this one, and
 * connects to QMP. The previous boot's serial log is kept as `serial.previous.log`.
 * @throws VmError `qemu-exited` (with QEMU's stderr) when QEMU stops before QMP answers.
 */
export async function bootQemu(
  paths: InstancePaths,
  command: QemuCommand,
  swtpm?: string,
  shares?: BootShares,
): Promise<BootSession> {
  for (const stale of [paths.qmpSocket, paths.tpmSocket, paths.qemuPid, paths.tpmPid])
    rmSync(stale, { force: true });
  if (existsSync(paths.serialLog)) renameSync(paths.serialLog, paths.previousSerialLog);
  if (shares?.shares.length) await startVirtiofsd(paths, shares.virtiofsd, shares.shares);
  const swtpmPid = swtpm
    ? await startSwtpm(paths, swtpm).catch(async (e) => {
        await haltVirtiofsd(paths);
        throw e;
      })
    : undefined;
  const { child } = await spawnDetached(command.binary, command.args, paths.qemuLog);
  const session: Partial<BootSession> & { exit?: ProcessExit } = { swtpmPid };
  session.exited = child.then((result) => {
    session.exit = { exitCode: result.exitCode, signal: result.signal };
    return session.exit;
  });
  try {
    session.qmp = await connectQmp({ path: paths.qmpSocket }, { timeoutMs: 60_000 });
  } catch (error) {
    // QEMU that exits during start-up resets the QMP connection: report the exit and its stderr.
    const exit = await Promise.race([session.exited, sleep(3_000).then(() => undefined)]);
    if (child.pid) await terminate(child.pid, 2_000);
    if (swtpmPid) await terminate(swtpmPid, 2_000);
    await haltVirtiofsd(paths);
    const stderr = qemuStderr(paths);
    const why = exit
      ? `QEMU exited (${describeExit(exit)})`
      : `QMP did not answer (${(error as Error).message})`;
    throw new VmError('qemu-exited', `${why} before the VM started${stderr ? `: ${stderr}` : ''}`, {
      stage: 'firmware',
      stderr,
      cause: error,
    });
  }
  session.qemuPid = child.pid as number;
  return session as BootSession;
}

/** `exit code 1`, `signal SIGKILL`. */
export function describeExit(exit: ProcessExit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.exitCode}`;
}

/** Starts swtpm on the instance's control socket and TPM state; ends itself when QEMU disconnects. */
async function startSwtpm(paths: InstancePaths, swtpm: string): Promise<number> {
  const args = [
    'socket',
    '--tpm2',
    '--tpmstate',
    `dir=${paths.tpmState}`,
    '--ctrl',
    `type=unixio,path=${paths.tpmSocket}`,
    '--pid',
    `file=${paths.tpmPid}`,
    '--log',
    `file=${paths.tpmLog}`,
    '--terminate',
  ];
  const { execa } = await import('execa');
  const child = execa(swtpm, args, {
    env: childEnvironment(),
    extendEnv: false,
    detached: true,
    stdio: 'ignore',
    reject: false,
    cleanup: false,
  });
  child.nodeChildProcess.unref();
  for (let i = 0; i < 400; i++) {
    const pid = readPid(paths.tpmPid);
    if (existsSync(paths.tpmSocket) && pid && isAlive(pid)) return pid;
    if (child.nodeChildProcess.exitCode !== null) break;
    await sleep(25);
  }
  if (child.pid) await terminate(child.pid, 1_000);
  let log = '';
  try {
    log = readFileSync(paths.tpmLog, 'utf8').trim();
  } catch {}
  throw new VmError('command-failed', `swtpm did not start (${paths.tpmSocket} never appeared): ${log}`);
}
