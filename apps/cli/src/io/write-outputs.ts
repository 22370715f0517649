import { access, chmod, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { tempPathFor } from '@winguest/shell';
import { CliError } from '../errors';

/** One file a command produces. `secret` files are created 0600 (owner only). */
export interface OutputFile {
  path: string;
  content: string | Uint8Array;
  secret?: boolean;
  /** Mark executable (0755, or 0700 when secret). */
  executable?: boolean;
}

/**
 * Refuses, before anything is written, when any output exists and `force` is off, naming every one.
 * Call it before slow work so a user learns about the clash at once.
 */
export async function assertWritable(paths: string[], force: boolean, cwd = process.cwd()): Promise<void> {
  if (force) return;
  const existing: string[] = [];
  for (const path of paths) {
    if (await exists(path)) existing.push(relative(cwd, path) || path);
  }
  if (existing.length > 0) {
    throw new CliError('output-exists', `Refusing to overwrite ${existing.length} existing file(s)`, {
      details: existing,
      hint: 'pass --force to replace them, or choose another --out directory',
    });
  }
}

/**
 * Writes each file atomically: to a temporary file beside it, flushed, then renamed into place. A
 * failure leaves earlier files written, this one untouched, and no temporary file behind.
 */
export async function writeOutputs(files: OutputFile[]): Promise<void> {
  for (const file of files) await writeAtomic(file);
}

export async function writeAtomic(file: OutputFile): Promise<void> {
  const temp = tempPathFor(file.path);
  const mode = (file.secret ? 0o600 : 0o644) | (file.executable ? (file.secret ? 0o100 : 0o111) : 0);
  try {
    await mkdir(dirname(file.path), { recursive: true });
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(file.content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(temp, mode); // the umask may have narrowed or the mode
    await rename(temp, file.path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new CliError('write-failed', `Could not write ${file.path}: ${(error as Error).message}`, {
      hint: 'check that the directory is writable and the disk has space',
      cause: error,
    });
  }
}

export async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
