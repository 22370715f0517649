import { describe, expect, test } from 'vitest';
import { defaultHome, instancePaths } from './index';

describe('defaultHome', () => {
  test.each<[string, NodeJS.Platform, Record<string, string>, string]>([
    ['Linux without XDG', 'linux', {}, '/home/u/.local/state/winguest'],
    ['Linux with XDG_STATE_HOME', 'linux', { XDG_STATE_HOME: '/xdg' }, '/xdg/winguest'],
    ['FreeBSD follows XDG', 'freebsd', {}, '/home/u/.local/state/winguest'],
    ['macOS', 'darwin', { XDG_STATE_HOME: '/ignored' }, '/home/u/Library/Application Support/winguest'],
    ['WINGUEST_HOME wins', 'darwin', { WINGUEST_HOME: '/custom' }, '/custom'],
    ['empty XDG_STATE_HOME is ignored', 'linux', { XDG_STATE_HOME: '' }, '/home/u/.local/state/winguest'],
  ])('%s', (_, platform, env, expected) => {
    expect(defaultHome({ platform, env, homeDir: '/home/u' })).toBe(expected);
  });

  test('Windows: %LOCALAPPDATA%\\winguest, else AppData\\Local under the profile', () => {
    const withEnv = defaultHome({ platform: 'win32', env: { LOCALAPPDATA: '/lad' }, homeDir: '/p' });
    const without = defaultHome({ platform: 'win32', env: {}, homeDir: '/p' });
    expect(withEnv.replaceAll('\\', '/')).toBe('/lad/winguest');
    expect(without.replaceAll('\\', '/')).toBe('/p/AppData/Local/winguest');
  });

  test('every instance file lives in the instance directory under home/instances', () => {
    const paths = instancePaths('win11', '/h');
    expect(paths.dir).toBe('/h/instances/win11');
    for (const path of Object.values(paths)) expect(path.startsWith('/h/instances/win11')).toBe(true);
  });
});
