import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import type { VmEvent } from '../index';

/** The host tools the runner drives. */
export const qemuGate = () =>
  requireHostTools([
    { command: 'qemu-system-x86_64', debian: 'qemu-system-x86' },
    { command: 'qemu-img', debian: 'qemu-utils' },
    { command: 'swtpm', debian: 'swtpm' },
  ]);

/** A temporary WINGUEST home with small stand-in media files; `cleanup()` removes it. */
export function tempHome() {
  const home = mkdtempSync(join(tmpdir(), 'wg-vm-'));
  const file = (name: string, bytes = 64 * 1024) => {
    const path = join(home, name);
    writeFileSync(path, Buffer.alloc(bytes));
    return path;
  };
  return { home, file, cleanup: () => rmSync(home, { recursive: true, force: true }) };
}

/** Processes (other than us) whose command line mentions `text`: what a test must not leave behind. */
export function processesMentioning(text: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    if (Number(pid) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (cmdline.includes(text) && alive(Number(pid))) found.push(`${pid}: ${cmdline.slice(0, 120)}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** Whether a process runs: it has a /proc entry and is not a zombie waiting to be reaped. */
export function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Collects events and resolves waiters when an event matches. */
export class EventLog {
  readonly events: VmEvent[] = [];
  readonly #waiters: { match: (e: VmEvent) => boolean; resolve: (e: VmEvent) => void }[] = [];

  readonly listener = (event: VmEvent): void => {
    this.events.push(event);
    for (const waiter of [...this.#waiters]) {
      if (waiter.match(event)) {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.resolve(event);
      }
    }
  };

  /** The first event (past or future) that matches. */
  next(match: (e: VmEvent) => boolean): Promise<VmEvent> {
    const seen = this.events.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.#waiters.push({ match, resolve }));
  }

  of<T extends VmEvent['type']>(type: T): Extract<VmEvent, { type: T }>[] {
    return this.events.filter((e): e is Extract<VmEvent, { type: T }> => e.type === type);
  }
}
