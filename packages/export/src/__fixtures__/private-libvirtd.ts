import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chownSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The unprivileged user a root test runner starts libvirtd as (`nobody`). */
const nobody = 65534;

/** A libvirtd of our own in session mode (`qemu:///session`), with every directory under `dir`. */
export interface PrivateLibvirtd {
  /** Runs `virsh -c qemu:///session …` as the daemon's user; never starts another daemon. */
  virsh(args: string[]): { status: number | null; stdout: string; stderr: string };
  /** Seconds from spawning libvirtd to its first answer (the capability probe). */
  startSeconds: number;
  /** Stops the daemon this fixture started (by its pid) and waits for it to exit. */
  stop(): Promise<void>;
}

function chownTree(path: string): void {
  chownSync(path, nobody, nobody);
  if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) chownTree(join(path, entry));
}

/**
 * Starts `libvirtd` as an unprivileged session daemon whose config, runtime, cache and data
 * directories all live under `dir` (XDG variables), so the host's libvirt is never read or touched.
 * A root runner starts it as `nobody` through `setpriv` and hands `dir` to that user.
 */
export async function startPrivateLibvirtd(
  dir: string,
  tools: { libvirtd: string; virsh: string; setpriv: string },
): Promise<PrivateLibvirtd> {
  const home = join(dir, 'home');
  const run = join(dir, 'run');
  mkdirSync(home, { recursive: true });
  mkdirSync(run, { recursive: true, mode: 0o700 });
  const root = process.getuid?.() === 0;
  if (root) chownTree(dir);
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    XDG_RUNTIME_DIR: run,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_DATA_HOME: join(home, '.local/share'),
    LIBVIRT_AUTOSTART: '0',
  };
  const asUser = (command: string, args: string[]): [string, string[]] =>
    root
      ? [tools.setpriv, [`--reuid=${nobody}`, `--regid=${nobody}`, '--clear-groups', command, ...args]]
      : [command, args];
  const virsh = (args: string[]) => {
    const [command, argv] = asUser(tools.virsh, ['-c', 'qemu:///session', ...args]);
    const result = spawnSync(command, argv, { env, encoding: 'utf8', timeout: 60_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const started = Date.now();
  const [command, argv] = asUser(tools.libvirtd, []);
  const daemon: ChildProcess = spawn(command, argv, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  daemon.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => daemon.once('exit', () => resolve()));
  while (virsh(['version']).status !== 0) {
    if (daemon.exitCode !== null || Date.now() - started > 60_000) {
      daemon.kill('SIGTERM');
      throw new Error(`libvirtd did not answer within 60 s (exit ${daemon.exitCode}):\n${log}`);
    }
    await sleep(200);
  }
  return {
    virsh,
    startSeconds: (Date.now() - started) / 1000,
    async stop() {
      if (daemon.exitCode === null && daemon.pid) process.kill(daemon.pid, 'SIGTERM');
      await Promise.race([exited, sleep(15_000)]);
    },
  };
}
