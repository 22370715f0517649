import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { CliError } from '../errors';
import { exists } from '../io/write-outputs';
import { duplicateKeys } from './duplicate-keys';

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
  const lineCounter = new LineCounter();
  // Duplicate keys are found by our linear check, not the library's quadratic one.
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: false, lineCounter });
  const problems = [
    ...document.errors.map((e) => {
      const at = e.linePos?.[0];
      return `${at ? `${at.line}:${at.col}` : '?'}: ${e.message.split('\n')[0]}`;
    }),
    ...(document.errors.length === 0 ? duplicateKeys(document, lineCounter) : []),
  ];
  if (problems.length > 0) {
    throw new CliError('config-syntax', `${path} is not valid YAML/JSON`, {
      details: problems.map((problem) => `${path}:${problem}`),
      hint: 'fix the syntax at the line shown',
    });
  }
  return { path, data: document.toJS() ?? {} };
}
