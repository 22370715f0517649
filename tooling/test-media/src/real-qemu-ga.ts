import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Commands the tests may run against the host's own agent: read-only ones. Everything else is blocked. */
export const allowedAgentCommands = [
  'guest-sync-delimited',
  'guest-sync',
  'guest-ping',
  'guest-info',
  'guest-get-osinfo',
  'guest-network-get-interfaces',
  'guest-get-time',
  'guest-get-host-name',
];

/**
 * Debian's real qemu-ga, run on this host listening on a UNIX socket in a temp dir, with every
 * command but {@link allowedAgentCommands} blocked (`--block-rpcs`), so guest-shutdown and
 * guest-set-time can be called and can never act on the host.
 */
export class RealQemuGa {
  readonly dir = mkdtempSync(join(tmpdir(), 'winguest-qga-'));
  readonly path = join(this.dir, 'qga.sock');
  readonly blocked: string[];
  #child: ChildProcess | undefined;

  constructor() {
    const all = execFileSync('qemu-ga', ['--block-rpcs', 'help'], { encoding: 'utf8' }).split(/\s+/);
    this.blocked = all.filter((name) => name !== '' && !allowedAgentCommands.includes(name));
    if (!this.blocked.includes('guest-shutdown') || !this.blocked.includes('guest-set-time')) {
      throw new Error(
        'qemu-ga --block-rpcs help did not list guest-shutdown and guest-set-time; refusing to run it',
      );
    }
  }

  start(): void {
    const args = ['--method', 'unix-listen', '--path', this.path, '--pidfile', join(this.dir, 'qga.pid')];
    args.push('--statedir', this.dir, '--block-rpcs', this.blocked.join(','));
    this.#child = spawn('qemu-ga', args, { stdio: 'ignore' });
    this.#child.on('error', () => {});
  }

  async stop(): Promise<void> {
    const child = this.#child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
