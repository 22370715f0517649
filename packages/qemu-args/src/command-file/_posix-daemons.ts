import { quotePosix } from '@winguest/shell';
import type { SpawnCommand } from '../virtiofsd-command';

/** A host daemon the command file runs for as long as QEMU runs: QEMU connects to its socket. */
export interface ScriptDaemon {
  /** Said when it fails to start (`swtpm`, `virtiofsd for share "data"`). */
  name: string;
  /** The Unix socket it listens on, relative to the script's folder. */
  socket: string;
  /** The program and its arguments (quoted here), or a shell line as is (`shell`). */
  command: SpawnCommand | { shell: string };
}

/**
 * `sh` lines that start each daemon in the background, wait until its socket exists (or it died),
 * and stop every one of them when the script exits (QEMU ended, Ctrl-C, an error).
 */
export function posixDaemonLines(daemons: readonly ScriptDaemon[]): string[] {
  if (daemons.length === 0) return [];
  const q = (text: string) => quotePosix(text);
  const lines = [
    'pids=',
    `trap 'for pid in $pids; do kill "$pid" 2>/dev/null || true; done' EXIT`,
    "trap 'exit 130' INT TERM",
    'wait_socket() { # socket pid name',
    '  tries=0',
    '  until [ -S "$1" ]; do',
    '    tries=$((tries + 1))',
    `    if [ "$tries" -gt 100 ] || ! kill -0 "$2" 2>/dev/null; then echo "qemu.sh: $3 did not start" >&2; exit 1; fi`,
    '    sleep 0.1',
    '  done',
    '}',
  ];
  for (const daemon of daemons) {
    const command =
      'shell' in daemon.command
        ? daemon.command.shell
        : [daemon.command.file, ...daemon.command.args].map(q).join(' ');
    lines.push(
      `rm -f ${q(daemon.socket)}`,
      `${command} &`,
      'pids="$pids $!"',
      `wait_socket ${q(daemon.socket)} "$!" ${q(daemon.name)}`,
    );
  }
  return lines;
}
