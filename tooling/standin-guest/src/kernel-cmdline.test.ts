import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { StandinGuestError } from './errors.ts';
import { standinKernelCmdline } from './kernel-cmdline.ts';

describe('standinKernelCmdline', () => {
  test.each([
    [{}, 'console=ttyS0 quiet'],
    [{ answerFile: 'autounattend.xml', script: 'winguest/provision.ps1' }, 'console=ttyS0 quiet'],
    [
      { authorizedKeys: 'keys/admin.pub', disk: '/dev/vda' },
      'console=ttyS0 quiet winguest.keys=keys/admin.pub winguest.disk=/dev/vda',
    ],
    [{ failAt: 'oobe', stageDelay: 2.5 }, 'console=ttyS0 quiet winguest.fail=oobe winguest.delay=2.5'],
    [{ shares: ['home', 'ro-data'] as string[] }, 'console=ttyS0 quiet winguest.shares=home,ro-data'],
    [
      { debug: true, script: 'setup/first-logon.ps1' },
      'console=ttyS0 winguest.script=setup/first-logon.ps1 winguest.debug=1',
    ],
    [{ arch: 'arm64', stageDelay: 1 }, 'console=ttyAMA0 quiet winguest.delay=1'],
  ] as const)('%o gives %s', (options, cmdline) => {
    expect(standinKernelCmdline(options)).toBe(cmdline);
  });

  test('reports every bad option at once, with its path and value', () => {
    const error = (() => {
      try {
        standinKernelCmdline({
          answerFile: 'my answer.xml',
          failAt: 'windowsPE' as 'setup',
          stageDelay: -1,
          shares: ['a,b'],
        });
      } catch (e) {
        return e;
      }
    })();
    expect(StandinGuestError.isInstance(error) && error.code).toBe('invalid-option');
    const message = (error as Error).message;
    expect(message).toContain('answerFile: "my answer.xml" must be one word');
    expect(message).toContain('failAt: "windowsPE"');
    expect(message).toContain('stageDelay: -1');
    expect(message).toContain('shares.0: "a,b" must not contain a comma');
  });

  test('any accepted path reaches the guest as exactly one winguest.keys= word', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (path) => {
        let cmdline: string;
        try {
          cmdline = standinKernelCmdline({ authorizedKeys: path });
        } catch (error) {
          expect(StandinGuestError.isInstance(error)).toBe(true);
          expect(/[\s"'\\]/.test(path)).toBe(true);
          return;
        }
        const words = cmdline.split(/\s+/).filter((w) => w.startsWith('winguest.keys='));
        if (path === 'winguest/authorized_keys') expect(words).toEqual([]);
        else expect(words).toEqual([`winguest.keys=${path}`]);
      }),
    );
  });
});
