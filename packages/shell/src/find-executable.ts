import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where `findExecutable` looks and how. */
export interface FindExecutableOptions {
  /** Environment to read `PATH` (and `PATHEXT` on Windows) from. Default `process.env`. */
  env?: Record<string, string | undefined>;
  /** Platform whose conventions apply (`PATHEXT` suffixes, executable bit). Default `process.platform`. */
  platform?: NodeJS.Platform;
  /** Further directories searched after `PATH`, e.g. where a package manager installs the tool. */
  extraDirs?: readonly string[];
}

/**
 * Finds an executable like `command -v`: each `PATH` directory in order, then `extraDirs`; on
 * Windows with each `PATHEXT` suffix (`.EXE`, `.CMD`, …). Returns its path, or undefined.
 */
export function findExecutable(name: string, options: FindExecutableOptions = {}): string | undefined {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const windows = platform === 'win32';
  const suffixes = windows ? ['', ...(env.PATHEXT ?? '.EXE').split(';').filter(Boolean)] : [''];
  const dirs = [
    ...(env.PATH ?? env.Path ?? '').split(windows ? ';' : delimiter),
    ...(options.extraDirs ?? []),
  ];
  for (const dir of dirs) {
    if (!dir) continue;
    for (const suffix of suffixes) {
      const candidate = join(dir, name + suffix);
      try {
        accessSync(candidate, windows ? constants.F_OK : constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}
