import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where tests keep the guest build and the downloaded .debs between runs:
 * `$WINGUEST_STANDIN_CACHE`, else `$XDG_CACHE_HOME/winguest/standin-guest` (`~/.cache/…`).
 */
export function defaultStandinCacheDir(env = process.env): string {
  if (env.WINGUEST_STANDIN_CACHE) return env.WINGUEST_STANDIN_CACHE;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'winguest', 'standin-guest');
}
