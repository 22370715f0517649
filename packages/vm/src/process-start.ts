import { readFileSync } from 'node:fs';

/**
 * When process `pid` started, as an opaque token that differs between two processes that had the
 * same pid, or undefined when it cannot be told (no such process, or a platform without a way).
 * - Linux: field 22 of `/proc/<pid>/stat` (clock ticks after boot); the command name in field 2 may
 *   hold spaces and parentheses, so fields are counted after its last `)`.
 * - macOS and other Unixes: `ps -o lstart= -p <pid>` (to the second; best effort).
 * - Windows: undefined — a lock then falls back to whether the pid is alive.
 */
export function processStartTime(
  pid: number,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  if (platform === 'win32') return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19]; // field 22 overall; fields[0] is field 3
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && platform === 'linux') return undefined;
  }
  // macOS and the BSDs have no /proc: ps (child_process loaded here, not by every command).
  const ps = process
    .getBuiltinModule('node:child_process')
    .spawnSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8', timeout: 5_000 });
  const text = ps.status === 0 ? ps.stdout.trim() : '';
  return text === '' ? undefined : text;
}
