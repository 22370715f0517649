import { relative } from 'node:path';
import type { Guest } from '@winguest/guest';
import type { CommandContext } from '../command';
import { CliError } from '../errors';
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
): Promise<ResolvedConfig> {
  const file = await loadConfigFile(given, cwd);
  if (typeof file.data !== 'object' || file.data === null || Array.isArray(file.data)) {
    throw new CliError('config-shape', `${file.path ?? 'The config'} must be a mapping of settings`, {
      hint: 'start from `winguest init`',
    });
  }
  const { InvalidGuestError, resolveGuest } = await import('@winguest/guest');
  try {
    return {
      config: resolveGuest(applyConfigFlags(file.data as Record<string, unknown>, values)),
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
