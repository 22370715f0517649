import { describe, expect, test } from 'vitest';
import { isCi, requireHostTools } from './host-tools.ts';

const missingTool = [{ command: 'winguest-no-such-tool', debian: 'no-such-package' }];

describe('host-tool gate', () => {
  test.each(['true', 'TRUE', '1', 'yes', 'on', 'woodpecker'])(
    'CI=%s counts as CI: a missing tool fails',
    (value) => {
      expect(isCi({ CI: value })).toBe(true);
      expect(() => requireHostTools(missingTool, { CI: value, PATH: '' })).toThrow(/winguest-no-such-tool/);
    },
  );

  test.each([undefined, '', '0', 'false', 'no', 'off'])(
    'CI=%s is a laptop: a missing tool skips',
    (value) => {
      const env = value === undefined ? { PATH: '' } : { CI: value, PATH: '' };
      expect(isCi(env)).toBe(false);
      const gate = requireHostTools(missingTool, env);
      expect(gate.available).toBe(false);
      expect(gate.reason).toContain('apt-get install no-such-package');
    },
  );

  test('WINGUEST_HOST_TOOLS=optional lets a CI job on another OS skip', () => {
    expect(
      requireHostTools(missingTool, { CI: 'true', WINGUEST_HOST_TOOLS: 'optional', PATH: '' }).available,
    ).toBe(false);
  });
});
