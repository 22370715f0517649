import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Guest } from '@winguest/guest';
import { CliError } from '../errors';

/**
 * Why `path` cannot serve as `kind` ("does not exist", "is a directory, not a file", …), or
 * undefined when it can. `any` accepts a file or a folder (a driver folder or ISO).
 */
export async function pathProblem(path: string, kind: 'file' | 'any'): Promise<string | undefined> {
  try {
    const found = await stat(path);
    if (kind === 'file' && found.isDirectory()) return 'is a directory, not a file';
    if (!found.isFile() && !found.isDirectory()) return 'is neither a file nor a folder';
    await access(path, constants.R_OK);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'does not exist' : 'cannot be read';
  }
}

/** The config's other host files exist (checked now, not when QEMU starts), every problem at once. */
export async function assertConfigPaths(config: Guest, cwd: string): Promise<void> {
  const given: Array<[string, string | undefined, 'file' | 'any']> = [
    ['media.drivers', config.media.drivers, 'any'],
    ['media.winfspMsi', config.media.winfspMsi, 'file'],
    ['vm.kernel.kernel', config.vm.kernel?.kernel, 'file'],
    ['vm.kernel.initrd', config.vm.kernel?.initrd, 'file'],
  ];
  const details: string[] = [];
  for (const [field, value, kind] of given) {
    if (value === undefined) continue;
    const problem = await pathProblem(resolve(cwd, value), kind);
    if (problem) details.push(`${field}: ${JSON.stringify(value)} ${problem}`);
  }
  if (details.length === 0) return;
  throw new CliError('host-path', `${details.length} file(s) named in the config cannot be used`, {
    details,
    hint: 'fix the paths (relative ones are read from the working directory)',
  });
}
