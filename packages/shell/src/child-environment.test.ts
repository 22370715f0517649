import { describe, expect, test } from 'vitest';
import { childEnvironment } from './child-environment';

describe('childEnvironment', () => {
  test('passes on where programs, files, locale and display are; keeps secrets and tokens back', () => {
    const env = childEnvironment({
      PATH: '/usr/bin',
      HOME: '/home/dev',
      LANG: 'de_DE.UTF-8',
      LC_ALL: 'C',
      DISPLAY: ':0',
      WINGUEST_PASSWORD: 'Correct-Horse-1',
      GITHUB_TOKEN: 'ghp_x',
      AWS_SECRET_ACCESS_KEY: 'k',
      NPM_CONFIG_USERCONFIG: '/x',
      UNSET: undefined,
    });
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/dev',
      LANG: 'de_DE.UTF-8',
      LC_ALL: 'C',
      DISPLAY: ':0',
    });
  });

  test('Windows spellings of the system variables are kept', () => {
    expect(
      Object.keys(childEnvironment({ Path: 'C:\\x', SystemRoot: 'C:\\Windows', PATHEXT: '.EXE' })),
    ).toEqual(['Path', 'SystemRoot', 'PATHEXT']);
  });
});
