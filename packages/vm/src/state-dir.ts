import { homedir } from 'node:os';
import { join } from 'node:path';

/** Inputs of {@link defaultHome}; all default to the current process. */
export interface HomeOptions {
  platform?: NodeJS.Platform;
  env?: Record<string, string | undefined>;
  /** The user's home directory. */
  homeDir?: string;
}

/**
 * The directory that holds every instance: `WINGUEST_HOME` when set; else
 * `$XDG_STATE_HOME/winguest` (default `~/.local/state/winguest`) on Linux and other Unixes,
 * `~/Library/Application Support/winguest` on macOS, `%LOCALAPPDATA%\winguest` on Windows.
 */
export function defaultHome(options: HomeOptions = {}): string {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const home = options.homeDir ?? homedir();
  if (env.WINGUEST_HOME) return env.WINGUEST_HOME;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'winguest');
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'winguest');
  return join(env.XDG_STATE_HOME || join(home, '.local', 'state'), 'winguest');
}
