import { describe, expect, test } from 'vitest';
import { UsageError } from '../errors';
import { parseCpOperand, planCp } from './cp-operands';

describe('winguest cp operands', () => {
  test.each([
    ['dev:C:/Users/admin/a.txt', 'linux', { kind: 'guest', instance: 'dev', path: 'C:/Users/admin/a.txt' }],
    ['win-11.b_2:/tmp/x', 'linux', { kind: 'guest', instance: 'win-11.b_2', path: '/tmp/x' }],
    ['./dev:x', 'linux', { kind: 'host', path: './dev:x' }],
    ['/home/me/ä ö.txt', 'linux', { kind: 'host', path: '/home/me/ä ö.txt' }],
    ['C:\\Users\\me\\a.txt', 'win32', { kind: 'host', path: 'C:\\Users\\me\\a.txt' }],
    ['c:/Users/me/a.txt', 'win32', { kind: 'host', path: 'c:/Users/me/a.txt' }],
    ['c:/Users/me/a.txt', 'linux', { kind: 'guest', instance: 'c', path: '/Users/me/a.txt' }],
  ] as const)('%s on %s', (text, platform, operand) => {
    expect(parseCpOperand(text, platform)).toEqual(operand);
  });

  test('the side with an instance decides the direction', () => {
    expect(planCp(['./a.txt', 'dev:C:/x/'], 'linux')).toEqual({
      instance: 'dev',
      direction: 'to-guest',
      hostPath: './a.txt',
      guestPath: 'C:/x/',
    });
    expect(planCp(['dev:C:/x/a.txt', '.'], 'linux')).toMatchObject({
      direction: 'from-guest',
      hostPath: '.',
    });
  });

  test.each([
    [['a.txt', 'b.txt'], /neither "a.txt" nor "b.txt" names an instance/],
    [['dev:a', 'other:b'], /both .* are in an instance/],
    [['dev:', 'b'], /"dev:" has no path/],
    [['a'], /got 1 operand/],
    [['a', 'dev:b', 'c'], /got 3 operand/],
  ])('%j is refused with the reason', (operands, message) => {
    const error = (() => {
      try {
        planCp(operands, 'linux');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
  });
});
