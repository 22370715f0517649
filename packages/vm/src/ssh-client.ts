import { appendFileSync } from 'node:fs';
import type { Client } from 'ssh2';
import { ssh2 } from './_ssh2';
import { knownHostsLine, recordedHostKey } from './ssh-keys';

/** Where and how to log in. */
export interface SshTarget {
  host: string;
  port: number;
  user: string;
  /** The private key (OpenSSH format). */
  privateKey: string;
  /** known_hosts file: the guest's host key is recorded at first login and checked afterwards. */
  knownHosts: string;
  /** The name the host key is recorded under (`winguest-<instance>`). */
  hostAlias: string;
}

/** What a command printed and how it exited. */
export interface SshCommandResult {
  /** Exit status; null when the command was ended by a signal. */
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** How {@link connectSsh} connects, beyond the target. */
export interface ConnectOptions {
  keepaliveMs?: number;
  /** Abandons the login while it is under way. */
  signal?: AbortSignal;
  /** Called once the key exchange with the guest's SSH server completed (the server answered). */
  onHandshake?: () => void;
}

/**
 * Logs in with the key and resolves with the connected client, which the caller ends. Rejects when
 * the connection or the login fails, the guest's host key differs from the recorded one, or
 * `timeoutMs` passes. The host key is recorded after the first successful login. With `keepaliveMs`
 * the guest is pinged at that interval and the connection ends after three unanswered pings.
 * Aborting `signal` before the login completes closes the connection and rejects.
 */
export function connectSsh(
  target: SshTarget,
  timeoutMs: number,
  options: ConnectOptions = {},
): Promise<Client> {
  return new Promise((resolve, reject) => {
    const client = new (ssh2().Client)();
    let hostKey: Buffer | undefined;
    const { signal } = options;
    const onAbort = () => fail(new Error('SSH login abandoned'));
    const fail = (error: Error) => {
      signal?.removeEventListener('abort', onAbort);
      client.destroy();
      reject(error);
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    client.on('error', fail);
    if (options.onHandshake) client.once('handshake', options.onHandshake);
    client.once('ready', () => {
      signal?.removeEventListener('abort', onAbort);
      client.off('error', fail);
      if (hostKey && !recordedHostKey(target.knownHosts, target.hostAlias)) {
        appendFileSync(target.knownHosts, `${knownHostsLine(target.hostAlias, hostKey)}\n`, { mode: 0o600 });
      }
      resolve(client);
    });
    client.connect({
      host: target.host,
      port: target.port,
      username: target.user,
      privateKey: target.privateKey,
      // Only the key: skips the `none` attempt, a round trip the guest would refuse anyway.
      authHandler: ['publickey'],
      readyTimeout: timeoutMs,
      // A connection held open (the connection agent) pings the guest, so one that stopped answering
      // (a guest rewound to a snapshot, gone without a FIN) ends after three missed pings.
      keepaliveInterval: options.keepaliveMs ?? 0,
      keepaliveCountMax: 3,
      hostVerifier: (key: Buffer) => {
        hostKey = key;
        const recorded = recordedHostKey(target.knownHosts, target.hostAlias);
        return !recorded || recorded.equals(key);
      },
    });
  });
}

/**
 * Logs in with the key ({@link connectSsh}) and hands the connected client to `use`, which calls
 * `done` once; the connection is closed then. Rejects also when `timeoutMs` passes.
 */
export function withSshClient<T>(
  target: SshTarget,
  timeoutMs: number,
  use: (client: Client, done: (error: Error | undefined, result?: T) => void) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let client: Client | undefined;
    let settled = false;
    const timer = setTimeout(() => finish(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    const finish = (error: Error | undefined, result?: T) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      client?.end();
      client?.destroy();
      if (error) reject(error);
      else resolve(result as T);
    };
    connectSsh(target, timeoutMs).then((connected) => {
      client = connected;
      if (settled) return connected.destroy();
      connected.on('error', (error) => finish(error));
      use(connected, finish);
    }, finish);
  });
}

/** Logs in with the key and runs `command`, collecting its output (see {@link withSshClient}). */
export function sshRun(target: SshTarget, command: string, timeoutMs = 60_000): Promise<SshCommandResult> {
  return withSshClient<SshCommandResult>(target, timeoutMs, (client, done) => {
    runCollecting(client, command).then((result) => done(undefined, result), done);
  });
}

/** Runs `command` on a new channel of a connected client and collects its output. */
export function runCollecting(client: Client, command: string): Promise<SshCommandResult> {
  return new Promise((resolve, reject) => {
    client.exec(command, (error, channel) => {
      if (error) return reject(error);
      let stdout = '';
      let stderr = '';
      let exitCode: number | null = null;
      channel.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
      });
      channel.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
      });
      channel.on('exit', (code: number | null) => {
        exitCode = code;
      });
      channel.on('close', () => resolve({ exitCode, stdout, stderr }));
    });
  });
}
