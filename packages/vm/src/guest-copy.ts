import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { SFTPWrapper } from 'ssh2';
import { VmError } from './errors';
import type { InstanceRef } from './instance';
import { type SshTarget, withSshClient } from './ssh-client';
import { overSsh } from './ssh-connection';

/** Options of {@link copyWithGuest}. */
export interface GuestCopyOptions {
  /** `to-guest` uploads `hostPath` to `guestPath`; `from-guest` downloads `guestPath` to `hostPath`. */
  direction: 'to-guest' | 'from-guest';
  /** A file on the host; as a destination an existing directory takes the source's name. */
  hostPath: string;
  /** A file in the guest (`C:/Users/admin/x.txt`); as a destination, a path ending in `/` or an existing directory takes the source's name. */
  guestPath: string;
  /** Default 10 minutes. */
  timeoutMs?: number;
}

/** What was copied where. */
export interface GuestCopyResult {
  from: string;
  to: string;
  bytes: number;
}

/**
 * Copies one file into or out of a running instance over SFTP, with the instance's own key (no
 * OpenSSH client needed). Downloads land under a temporary name and are renamed, so an interrupted
 * copy never leaves a half file under the final name.
 * @throws VmError `not-running`, `ssh-failed`, `copy-failed` (naming the path and the fix).
 */
export function copyWithGuest(ref: InstanceRef, options: GuestCopyOptions): Promise<GuestCopyResult> {
  if (options.direction === 'to-guest' && !isFile(options.hostPath)) {
    throw new VmError(
      'copy-failed',
      `"${options.hostPath}" is not a file on the host; cp copies single files.`,
    );
  }
  const timeoutMs = options.timeoutMs ?? 600_000;
  return overSsh(ref, (target) => sftpCopy(target, options, timeoutMs));
}

function sftpCopy(target: SshTarget, options: GuestCopyOptions, timeoutMs: number): Promise<GuestCopyResult> {
  return withSshClient<GuestCopyResult>(target, timeoutMs, (client, done) => {
    client.sftp((error, sftp) => {
      if (error) return done(new VmError('copy-failed', `The guest offers no SFTP: ${error.message}`));
      const copy = options.direction === 'to-guest' ? upload : download;
      copy(sftp, options).then(
        (result) => done(undefined, result),
        (e: Error) => done(VmError.isInstance(e) ? e : new VmError('copy-failed', e.message, { cause: e })),
      );
    });
  });
}

async function upload(
  sftp: SFTPWrapper,
  { hostPath, guestPath }: GuestCopyOptions,
): Promise<GuestCopyResult> {
  const into = /[\\/]$/.test(guestPath) || (await isGuestDirectory(sftp, guestPath));
  const to = into ? `${guestPath.replace(/[\\/]$/, '')}/${basename(hostPath)}` : guestPath;
  await new Promise<void>((resolve, reject) =>
    sftp.fastPut(hostPath, to, (e) => (e ? reject(failure(`write ${to} in the guest`, e)) : resolve())),
  );
  return { from: hostPath, to, bytes: statSync(hostPath).size };
}

async function download(
  sftp: SFTPWrapper,
  { hostPath, guestPath }: GuestCopyOptions,
): Promise<GuestCopyResult> {
  const name = guestPath.split(/[\\/]/).filter(Boolean).pop() ?? 'download';
  const to = existsSync(hostPath) && statSync(hostPath).isDirectory() ? join(hostPath, name) : hostPath;
  const partial = `${to}.winguest-partial`;
  try {
    await new Promise<void>((resolve, reject) =>
      sftp.fastGet(guestPath, partial, (e) =>
        e ? reject(failure(`read ${guestPath} in the guest`, e)) : resolve(),
      ),
    );
    renameSync(partial, to);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return { from: guestPath, to, bytes: statSync(to).size };
}

function isGuestDirectory(sftp: SFTPWrapper, path: string): Promise<boolean> {
  return new Promise((resolve) => sftp.stat(path, (e, stats) => resolve(!e && stats.isDirectory())));
}

function failure(what: string, error: Error): VmError {
  const missing = (error as { code?: unknown }).code === 2;
  const hint = missing ? ' (no such file or directory; check the path)' : '';
  return new VmError('copy-failed', `Could not ${what}: ${error.message}${hint}`, { cause: error });
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
