import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectQmp, type QmpClient } from '@winguest/qmp';
import { type QemuCommand, type VirtiofsdShare, virtiofsdCommand } from '../index';
import type { Virtiofsd } from '../probe/index';

/**
 * Starts real QEMU (and swtpm) for tests and guarantees cleanup: every process it started is
 * killed and awaited, every temp dir removed.
 */
export class QemuHarness {
  readonly processes: ChildProcess[] = [];
  readonly dirs: string[] = [];
  readonly clients: QmpClient[] = [];

  /** A temp dir; `awkward` puts a space and a comma in its name to prove QEMU option escaping. */
  tempDir(awkward = false): string {
    const dir = mkdtempSync(join(tmpdir(), awkward ? 'wg q,a-' : 'wg-qa-'));
    this.dirs.push(dir);
    return dir;
  }

  /** A qcow2 disk made by qemu-img, small: the guest never runs. */
  disk(dir: string, name = 'disk.qcow2'): string {
    const path = join(dir, name);
    execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', path, '64M']);
    return path;
  }

  /** A small dummy file standing in for an ISO (QEMU attaches any file as a CD medium). */
  iso(dir: string, name: string): string {
    const path = join(dir, name);
    writeFileSync(path, Buffer.alloc(64 * 1024, name));
    return path;
  }

  /** A writable per-VM copy of a firmware vars template, in qcow2 (as `@winguest/vm` keeps it). */
  vars(dir: string, template: string): string {
    const path = join(dir, 'vars.qcow2');
    execFileSync('qemu-img', ['convert', '-q', '-f', 'raw', '-O', 'qcow2', template, path]);
    return path;
  }

  /** Starts swtpm (TPM 2.0) on a control socket in a fresh dir and waits for the socket. */
  async swtpm(): Promise<string> {
    const dir = this.tempDir();
    const state = join(dir, 'state');
    mkdirSync(state);
    const socket = join(dir, 'swtpm.sock');
    const args = [
      'socket',
      '--tpm2',
      '--tpmstate',
      `dir=${state}`,
      '--ctrl',
      `type=unixio,path=${socket}`,
      '--flags',
      'not-need-init,startup-clear',
    ];
    this.#track(spawn('swtpm', args, { stdio: 'ignore' }));
    for (let i = 0; i < 200 && !existsSync(socket); i++) await sleep(25);
    return socket;
  }

  /** Starts the probed virtiofsd on `share.socket` and waits until it listens. */
  async virtiofsd(virtiofsd: Virtiofsd, share: VirtiofsdShare): Promise<ChildProcess> {
    const { file, args } = virtiofsdCommand(virtiofsd, share, { root: process.getuid?.() === 0 });
    const child = this.#track(spawn(file, args, { stdio: 'ignore' }));
    for (let i = 0; i < 200 && !existsSync(share.socket); i++) await sleep(25);
    return child;
  }

  /** Starts QEMU paused (`-S`) with the built command and connects to its QMP socket. */
  async start(command: QemuCommand, qmpPath: string): Promise<{ qmp: QmpClient; stderr: () => string }> {
    const child = this.#track(
      spawn(command.binary, [...command.args, '-S'], { stdio: ['ignore', 'ignore', 'pipe'] }),
    );
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    const exited = once(child, 'exit').then(([code]) => {
      throw new Error(`QEMU exited with ${code} before QMP answered: ${stderr}`);
    });
    const qmp = await Promise.race([connectQmp({ path: qmpPath }, { timeoutMs: 30_000 }), exited]);
    this.clients.push(qmp);
    return { qmp, stderr: () => stderr };
  }

  async cleanup(): Promise<void> {
    for (const qmp of this.clients) if (!qmp.closed) await qmp.quit().catch(() => {});
    for (const child of this.processes) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGKILL');
        await exited;
      }
    }
    for (const dir of this.dirs) rmSync(dir, { recursive: true, force: true });
  }

  #track(child: ChildProcess): ChildProcess {
    child.on('error', () => {});
    this.processes.push(child);
    return child;
  }
}
