import type { Virtiofsd } from './probe/virtiofsd';

/** What one share's virtiofsd serves, and where it listens. */
export interface VirtiofsdShare {
  /** The vhost-user socket QEMU connects to (`host.virtiofsSockets[tag]`). */
  socket: string;
  /** The host directory. */
  dir: string;
  /** Refuse every write from the guest. */
  readOnly?: boolean;
}

/** A program to spawn (no shell involved on our side): `file` with `args`. */
export interface SpawnCommand {
  file: string;
  args: string[];
}

/**
 * The `sh -c` program that makes `$1` a read-only bind mount in a private mount namespace, then
 * runs the rest of its arguments in its place (`exec`, so the pid stays virtiofsd's).
 */
const readOnlyBind = 'mount --bind -- "$1" "$1" && mount -o remount,bind,ro -- "$1" && shift && exec "$@"';

/**
 * The command that serves `share` with the probed virtiofsd. A read-only share uses the daemon's
 * `--readonly` (Rust virtiofsd); without one (QEMU's C daemon) the daemon runs under
 * `unshare --mount` on a read-only bind mount of the directory, which needs root as that daemon
 * does. Either daemon exits when QEMU disconnects. Pure.
 */
export function virtiofsdCommand(
  virtiofsd: Pick<Virtiofsd, 'path' | 'flavour' | 'readOnlyOption'>,
  share: VirtiofsdShare,
  options: { root?: boolean } = {},
): SpawnCommand {
  const readOnlyOption = !!share.readOnly && virtiofsd.readOnlyOption;
  const daemon =
    virtiofsd.flavour === 'rust'
      ? [
          `--socket-path=${share.socket}`,
          `--shared-dir=${share.dir}`,
          '--cache=auto',
          ...(options.root ? [] : ['--sandbox=none']),
          ...(readOnlyOption ? ['--readonly'] : []),
        ]
      : [`--socket-path=${share.socket}`, '-o', `source=${fuseOptionValue(share.dir)}`, '-o', 'cache=auto'];
  if (!share.readOnly || readOnlyOption) return { file: virtiofsd.path, args: daemon };
  const wrapper = [
    '--mount',
    '--propagation',
    'private',
    '--',
    'sh',
    '-c',
    readOnlyBind,
    'winguest-virtiofsd',
  ];
  return { file: 'unshare', args: [...wrapper, share.dir, virtiofsd.path, ...daemon] };
}

/** `-o` values of the C daemon are split at commas; a backslash escapes a comma or a backslash. */
function fuseOptionValue(value: string): string {
  return value.replace(/[\\,]/g, (c) => `\\${c}`);
}
