import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError } from '../errors';
import { exists } from '../io/write-outputs';

/** Config file names looked for in the working directory, in order. */
export const configFileNames = ['winguest.yaml', 'winguest.yml', 'winguest.json'];

export interface LoadedConfigFile {
  /** The file read, or undefined when none was given or found (built-in defaults apply). */
  path: string | undefined;
  data: unknown;
}

/**
 * Reads `--config <path>`, or the first of winguest.yaml / .yml / .json in `cwd`. Syntax errors name
 * the file, line and column. JSON is parsed as YAML (a superset), so both report the same way.
 */
export async function loadConfigFile(given: string | undefined, cwd: string): Promise<LoadedConfigFile> {
  let path = given;
  if (path === undefined) {
    for (const name of configFileNames) {
      if (await exists(join(cwd, name))) {
        path = join(cwd, name);
        break;
      }
    }
    if (path === undefined) return { path: undefined, data: {} };
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      'config-read',
      `Cannot read the config file ${path}: ${code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message}`,
      {
        hint:
          code === 'ENOENT' || code === 'EISDIR'
            ? 'pass a file (winguest.yaml): create one with `winguest init`, or omit --config for the defaults'
            : 'check its permissions',
        cause: error,
      },
    );
  }
  // The YAML parser loads only when there is a file to parse: `build` on defaults never needs it.
  const { parseConfigText } = await import('./parse-config-text');
  return { path, data: parseConfigText(text, path) };
}
