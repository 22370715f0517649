import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive } from '@winguest/shell';

/** Whether a process runs: the one implementation lives in @winguest/shell. */
export { isAlive };

/** Reads a pid file (QEMU's `-pidfile`, swtpm's `--pid`); undefined when missing or empty. */
export function readPid(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** The pid from `path` when that process still runs. */
export function runningPid(path: string): number | undefined {
  const pid = readPid(path);
  return pid !== undefined && isAlive(pid) ? pid : undefined;
}

/** Waits until `pid` has exited; true when it did within `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await sleep(50);
  }
  return true;
}

/** Sends SIGTERM, then SIGKILL after `graceMs`, and waits for the process to go. */
export async function terminate(pid: number, graceMs = 5_000): Promise<void> {
  if (!isAlive(pid)) return;
  signal(pid, 'SIGTERM');
  if (await waitForExit(pid, graceMs)) return;
  signal(pid, 'SIGKILL');
  await waitForExit(pid, 10_000);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}
