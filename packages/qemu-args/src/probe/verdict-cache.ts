import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir, uptime } from 'node:os';
import { join } from 'node:path';
import { randomBytesFromSystem } from '@winguest/shell';

/**
 * Where probe verdicts are kept between runs: `$XDG_CACHE_HOME/winguest` (default
 * `~/.cache/winguest`). Deleting the directory makes the next command probe again.
 */
export function defaultProbeCacheDir(env: Record<string, string | undefined> = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'winguest');
}

/** Identity of a file for a cache key: path, size, change time and inode (absent: `-`). */
export function fileIdentity(path: string): string {
  try {
    const info = statSync(path);
    return `${path}:${info.size}:${info.ctimeMs}:${info.ino}`;
  } catch {
    return `${path}:-`;
  }
}

/** This boot of the host: Linux's boot id, else the boot time to the minute. */
export function bootIdentity(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return `boot@${Math.round((Date.now() / 1000 - uptime()) / 60)}`;
  }
}

/**
 * Returns the verdict stored under `key` in `dir`, or computes, stores and returns it. A verdict
 * (a plain JSON value) is only as good as its key: callers put in it everything the answer depends
 * on (binary identity, boot, device identity). An unreadable or unwritable cache is no cache.
 */
export async function cachedVerdict<T>(dir: string, key: string, compute: () => Promise<T>): Promise<T> {
  const file = join(dir, 'probe-verdicts.json');
  let verdicts: Record<string, unknown> = {};
  try {
    verdicts = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (key in verdicts) return verdicts[key] as T;
  } catch {
    verdicts = {};
  }
  const verdict = await compute();
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const temp = `${file}.${randomBytesFromSystem(6).toString('hex')}.tmp`;
    // Only verdicts of this boot are kept, so the file never grows past a handful of entries.
    const boot = bootIdentity();
    const kept = Object.fromEntries(Object.entries(verdicts).filter(([k]) => k.includes(boot)));
    writeFileSync(temp, `${JSON.stringify({ ...kept, [key]: verdict })}\n`, { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    // a read-only or full home: probe again next time
  }
  return verdict;
}
