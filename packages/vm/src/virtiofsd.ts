import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { virtiofsdCommand } from '@winguest/qemu-args';
import type { Virtiofsd } from '@winguest/qemu-args/probe';
import { writeFileAtomic } from './_files';
import { spawnDetached } from './_spawn-detached';
import { VmError } from './errors';
import type { InstancePaths } from './instance-paths';
import { isAlive, readPid, terminate } from './processes';
import type { UpOptions } from './up-options';

/** The files of the `index`-th share's virtiofsd in the instance directory (short: socket paths are limited). */
export function virtiofsdFiles(paths: InstancePaths, index: number) {
  const at = (suffix: string) => join(paths.dir, `virtiofsd-${index}.${suffix}`);
  return { socket: at('sock'), pid: at('pid'), log: at('log') };
}

/** The vhost-user socket of each share by tag, for `host.virtiofsSockets`. */
export function virtiofsSockets(paths: InstancePaths, shares: UpOptions['shares']): Record<string, string> {
  return Object.fromEntries(shares.map((share, i) => [share.tag, virtiofsdFiles(paths, i).socket]));
}

/**
 * Starts one virtiofsd per share, detached like QEMU, each on its socket in the instance directory,
 * and waits until every socket listens. QEMU must start after this; each daemon exits when QEMU
 * disconnects, and {@link haltVirtiofsd} ends any left. On failure the started ones are ended.
 * @throws VmError `command-failed` naming the share and virtiofsd's log.
 */
export async function startVirtiofsd(
  paths: InstancePaths,
  virtiofsd: Virtiofsd,
  shares: UpOptions['shares'],
): Promise<number[]> {
  await haltVirtiofsd(paths);
  const pids: number[] = [];
  for (const [index, share] of shares.entries()) {
    const files = virtiofsdFiles(paths, index);
    const { file, args } = virtiofsdCommand(
      virtiofsd,
      { socket: files.socket, dir: share.hostPath, readOnly: share.readOnly },
      { root: process.getuid?.() === 0 },
    );
    const { child } = await spawnDetached(file, args, files.log);
    child.catch(() => {});
    if (child.pid) {
      writeFileAtomic(files.pid, `${child.pid}\n`);
      pids.push(child.pid);
    }
    if (!(await listening(files.socket, child.pid))) {
      await haltVirtiofsd(paths);
      const output = existsSync(files.log) ? readFileSync(files.log, 'utf8').trim().slice(-1000) : '';
      throw new VmError(
        'command-failed',
        `virtiofsd for share "${share.tag}" (${share.hostPath}) did not listen on ${files.socket}${output ? `: ${output}` : ''}`,
        { stage: 'firmware' },
      );
    }
  }
  return pids;
}

/** Ends every virtiofsd of the instance (normally gone with QEMU already) and removes its sockets and pid files. */
export async function haltVirtiofsd(paths: InstancePaths): Promise<void> {
  let names: string[] = [];
  try {
    names = readdirSync(paths.dir).filter((name) => /^virtiofsd-\d+\.(pid|sock)$/.test(name));
  } catch {
    return; // no instance directory
  }
  for (const name of names.filter((n) => n.endsWith('.pid'))) {
    const pid = readPid(join(paths.dir, name));
    if (pid !== undefined) await terminate(pid, 2_000);
  }
  for (const name of names) rmSync(join(paths.dir, name), { force: true });
}

async function listening(socket: string, pid: number | undefined): Promise<boolean> {
  for (let i = 0; i < 400; i++) {
    if (existsSync(socket)) return true;
    if (pid === undefined || !isAlive(pid)) return false;
    await sleep(25);
  }
  return false;
}
