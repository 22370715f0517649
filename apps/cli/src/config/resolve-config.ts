import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { type Guest, InvalidGuestError, resolveGuest } from '@winguest/guest';
import type { Redactor } from '@winguest/shell';
import type { CommandContext } from '../command';
import { CliError } from '../errors';
import { rememberPassword } from '../known-secrets';
import { applyConfigFlags } from './config-options';
import { loadConfigFile } from './load-config-file';

export interface ResolvedConfig {
  config: Guest;
  /** The file read, if any. */
  path: string | undefined;
}

/**
 * Reads the config file (or none), lays the flags over it, and resolves the guest description,
 * reporting every problem as `path: message` with the file it came from.
 */
export async function resolveConfig(
  given: string | undefined,
  cwd: string,
  values: CommandContext['values'] = {},
  redactor?: Redactor,
): Promise<ResolvedConfig> {
  const file = await loadConfigFile(given, cwd);
  if (typeof file.data !== 'object' || file.data === null || Array.isArray(file.data)) {
    throw new CliError('config-shape', `${file.path ?? 'The config'} must be a mapping of settings`, {
      hint: 'start from `winguest init`',
    });
  }
  const data = applyConfigFlags(file.data as Record<string, unknown>, values);
  if (redactor) await rememberPasswordFile(data, cwd, redactor);
  try {
    return {
      config: resolveGuest(data),
      path: file.path,
    };
  } catch (error) {
    if (!InvalidGuestError.isInstance(error)) throw error;
    const where = file.path ? relative(cwd, file.path) || file.path : 'config';
    throw new CliError('config-invalid', `${where} has ${error.issues.length} invalid value(s)`, {
      details: error.issues.map((issue) => `${issue.path}: ${issue.message}`),
      hint: "fix these values; every field is described in `winguest init`'s commented config",
      cause: error,
    });
  }
}

/**
 * The password file's first line, known to the redactor before the config is validated, so an
 * error about the config cannot print it. Unreadable files are reported later, when it is used.
 */
async function rememberPasswordFile(data: Record<string, unknown>, cwd: string, redactor: Redactor) {
  const file = (data.user as { passwordFile?: unknown } | undefined)?.passwordFile;
  if (typeof file !== 'string' || file === '') return;
  const text = await readFile(resolve(cwd, file), 'utf8').catch(() => '');
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)) rememberPassword(redactor, line);
}
