import { readFileSync } from 'node:fs';
import { VmError } from './errors';
import { type InstanceRef, openInstance } from './instance';
import type { InstancePaths } from './instance-paths';
import { runningPid } from './processes';
import { type SshCommandResult, type SshTarget, sshRun } from './ssh-client';
import type { InstanceConfig } from './up-options';

/** How to reach an instance's SSH server (plain data; the key stays in its file). */
export interface SshConnection {
  host: '127.0.0.1';
  port: number;
  user: string;
  /** The host-side private key (OpenSSH format, mode 0600). */
  privateKeyPath: string;
  /** The guest's host key, recorded at the first login. */
  knownHostsPath: string;
  /** The name the host key is recorded under. */
  hostAlias: string;
  /** Arguments for OpenSSH's `ssh` that log in with all of the above (append a command if wanted). */
  sshArgs: string[];
}

/** The SSH connection of an instance's config. */
export function sshConnection(
  paths: InstancePaths,
  config: Pick<InstanceConfig, 'name' | 'ports' | 'ssh'>,
): SshConnection {
  const hostAlias = `winguest-${config.name}`;
  const port = config.ports.ssh;
  return {
    host: '127.0.0.1',
    port,
    user: config.ssh.user,
    privateKeyPath: paths.sshKey,
    knownHostsPath: paths.knownHosts,
    hostAlias,
    sshArgs: [
      ...['-i', paths.sshKey, '-p', String(port)],
      ...['-o', 'IdentitiesOnly=yes', '-o', `UserKnownHostsFile=${paths.knownHosts}`],
      ...['-o', `HostKeyAlias=${hostAlias}`, '-o', 'StrictHostKeyChecking=accept-new'],
      `${config.ssh.user}@127.0.0.1`,
    ],
  };
}

/** The connection with the private key loaded, for `ssh2`. */
export function sshTarget(connection: SshConnection): SshTarget {
  return {
    host: connection.host,
    port: connection.port,
    user: connection.user,
    privateKey: readFileSync(connection.privateKeyPath, 'utf8'),
    knownHosts: connection.knownHostsPath,
    hostAlias: connection.hostAlias,
  };
}

/**
 * Runs `command` in a running instance over SSH and returns its exit code and output.
 * @throws VmError `instance-not-found`, `not-running`, `ssh-failed` (login or connection failed).
 */
export async function sshExec(
  ref: InstanceRef,
  command: string,
  options: { timeoutMs?: number } = {},
): Promise<SshCommandResult> {
  return overSsh(ref, (target) => sshRun(target, command, options.timeoutMs));
}

/**
 * Runs `use` with the SSH target of a running instance; a failure to connect or log in becomes
 * VmError `ssh-failed`, VmErrors from `use` pass through.
 * @throws VmError `instance-not-found`, `not-running`, `ssh-failed`.
 */
export async function overSsh<T>(ref: InstanceRef, use: (target: SshTarget) => Promise<T>): Promise<T> {
  const { paths, config } = openInstance(ref);
  if (runningPid(paths.qemuPid) === undefined) {
    throw new VmError('not-running', `Instance "${config.name}" is not running; start it first.`);
  }
  const connection = sshConnection(paths, config);
  try {
    return await use(sshTarget(connection));
  } catch (error) {
    if (VmError.isInstance(error)) throw error;
    throw new VmError(
      'ssh-failed',
      `SSH to ${connection.user}@127.0.0.1:${connection.port} failed: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/** The SSH connection of an existing instance. */
export function instanceSsh(ref: InstanceRef): SshConnection {
  const { paths, config } = openInstance(ref);
  return sshConnection(paths, config);
}
