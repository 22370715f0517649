import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where `findExecutable` looks and how. */
export interface FindExecutableOptions {
  /** Environment to read `PATH` from. Default `process.env`. */
  env?: Record<string, string | undefined>;
  /** Platform whose conventions apply (`.exe`, well-known dirs). Default `process.platform`. */
  platform?: NodeJS.Platform;
  /** Further directories searched after `PATH`. */
  extraDirs?: readonly string[];
}

/** Directories package managers install QEMU and swtpm to that may be missing from `PATH`. */
export function wellKnownBinDirs(platform: NodeJS.Platform): string[] {
  if (platform === 'darwin') return ['/opt/homebrew/bin', '/usr/local/bin', '/opt/local/bin'];
  if (platform === 'win32') return ['C:\\Program Files\\qemu'];
  return ['/usr/bin', '/usr/local/bin'];
}

/** Finds an executable on `PATH`, then in the well-known directories; undefined when absent. */
export function findExecutable(name: string, options: FindExecutableOptions = {}): string | undefined {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const file = platform === 'win32' && !name.endsWith('.exe') ? `${name}.exe` : name;
  const dirs = [
    ...(env.PATH ?? env.Path ?? '').split(delimiter),
    ...(options.extraDirs ?? []),
    ...wellKnownBinDirs(platform),
  ];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = join(dir, file);
    try {
      accessSync(candidate, platform === 'win32' ? constants.F_OK : constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}
