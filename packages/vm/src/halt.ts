import { rmSync } from 'node:fs';
import type { QmpClient } from '@winguest/qmp';
import type { InstancePaths } from './instance-paths';
import { readPid, runningPid, terminate, waitForExit } from './processes';
import { shutdownAgent } from './ssh-agent-socket';
import { haltVirtiofsd } from './virtiofsd';

/**
 * Ends QEMU at once (QMP `quit` when connected — block devices are flushed — else SIGTERM, which
 * QEMU also handles cleanly; SIGKILL after `graceMs`), then swtpm and virtiofsd, and removes sockets
 * and pid files.
 */
export async function haltInstance(paths: InstancePaths, qmp?: QmpClient, graceMs = 10_000): Promise<void> {
  const pid = runningPid(paths.qemuPid);
  if (pid !== undefined) {
    if (qmp && !qmp.closed) await qmp.quit({ timeoutMs: 5_000 }).catch(() => {});
    if (!(await waitForExit(pid, qmp ? graceMs : 0))) await terminate(pid, graceMs);
  } else if (qmp && !qmp.closed) {
    await qmp.close();
  }
  await haltSwtpm(paths);
  await haltVirtiofsd(paths);
  await haltSshAgent(paths);
  for (const file of [paths.qmpSocket, paths.qemuPid]) rmSync(file, { force: true });
}

/** Ends the instance's swtpm (it normally ends itself when QEMU disconnects). */
export async function haltSwtpm(paths: InstancePaths): Promise<void> {
  const pid = readPid(paths.tpmPid);
  if (pid !== undefined) await terminate(pid, 2_000);
  for (const file of [paths.tpmSocket, paths.tpmPid]) rmSync(file, { force: true });
}

/**
 * Ends the instance's connection agent: asked over its socket (it closes its SSH connection), waited
 * for (it may be ending by itself, the guest gone, its socket already closed), then ended by the pid
 * it answered with or recorded if it is still there. Removes its socket and pid file.
 */
export async function haltSshAgent(paths: InstancePaths): Promise<void> {
  const recorded = runningPid(paths.sshAgentPid);
  const answered = await shutdownAgent(paths.sshAgentSocket);
  const pid = answered?.pid ?? recorded;
  const gone = pid === undefined || (await waitForExit(pid, 3_000));
  if (pid !== undefined && !gone) await terminate(pid, 2_000);
  rmSync(paths.sshAgentPid, { force: true });
  if (process.platform !== 'win32') rmSync(paths.sshAgentSocket, { force: true });
}
