import { relative } from 'node:path';
import { CliError } from '../errors';
import { deepMerge } from '../plan/deep-merge';
import { type Config, configSchema } from './config-schema';
import { loadConfigFile } from './load-config-file';

export interface ResolvedConfig {
  config: Config;
  /** The file read, if any. */
  path: string | undefined;
}

/**
 * Reads the config file (or none), lays `overrides` from flags over it, and validates the result,
 * reporting every problem as `path: message` with the file it came from.
 */
export async function resolveConfig(
  given: string | undefined,
  cwd: string,
  overrides: Record<string, unknown> = {},
): Promise<ResolvedConfig> {
  const file = await loadConfigFile(given, cwd);
  if (typeof file.data !== 'object' || file.data === null || Array.isArray(file.data)) {
    throw new CliError('config-shape', `${file.path ?? 'The config'} must be a mapping of settings`, {
      hint: 'start from `winguest init`',
    });
  }
  const result = configSchema.safeParse(deepMerge(file.data, overrides));
  if (!result.success) {
    const where = file.path ? relative(cwd, file.path) || file.path : 'config';
    throw new CliError('config-invalid', `${where} has ${result.error.issues.length} invalid value(s)`, {
      details: result.error.issues.map((issue) => {
        const path = issue.path.map(String).join('.') || '(root)';
        const value = valueAt(file.data, issue.path);
        const shown = JSON.stringify(value);
        const echo = value === undefined || issue.message.includes(shown) ? '' : ` (got ${shown})`;
        return `${path}: ${issue.message}${echo}`;
      }),
      hint: "fix these values; every field is described in `winguest init`'s commented config",
    });
  }
  return { config: result.data, path: file.path };
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return typeof current === 'object' ? undefined : current;
}
