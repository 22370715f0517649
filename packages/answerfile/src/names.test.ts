import { describe, expect, test } from 'vitest';
import { computerNameProblem, reservedUserNameProblem, userNameProblem } from './names';

describe('userNameProblem', () => {
  test.each(['dev', 'Ärger', 'first last', 'a.b', 'x'.repeat(20), '用户', '😀'])('accepts %j', (name) => {
    expect(userNameProblem(name)).toBeUndefined();
  });

  test.each([
    ['', /is empty/],
    ['x'.repeat(21), /longer than 20/],
    ...[...'"/\\[]:;|=,+*?<>@%'].map((c) => [`a${c}b`, new RegExp(`contains "\\${c}"`)] as [string, RegExp]),
    ['tab\there', /U\+0009/],
    ['del\u007f', /U\+007F/],
    ['...', /only of dots and spaces/],
    [' . ', /only of dots and spaces/],
    ['name.', /ends with a period/],
  ])('rejects %j', (name, problem) => {
    expect(userNameProblem(name)).toMatch(problem);
  });
});

describe('reservedUserNameProblem', () => {
  test.each([
    'Administrator',
    'GUEST',
    'DefaultAccount',
    'system',
    'Network Service',
    'LOCAL SERVICE',
    'None',
    'WDAGUtilityAccount',
  ])('%j is reserved', (name) => {
    expect(reservedUserNameProblem(name)).toMatch(/is reserved by Windows/);
  });

  test('other names are free', () => {
    expect(reservedUserNameProblem('Administrators2')).toBeUndefined();
  });
});

describe('computerNameProblem', () => {
  test.each(['*', 'PC', 'build-agent-01', 'A'.repeat(15), '9lives'])('accepts %j', (name) => {
    expect(computerNameProblem(name)).toBeUndefined();
  });

  test.each([
    ['', /is empty/],
    ['A'.repeat(16), /longer than 15/],
    ['12345', /only of digits/],
    ['my_pc', /only letters/],
    ['my pc', /only letters/],
    ['bücher', /only letters/],
  ])('rejects %j', (name, problem) => {
    expect(computerNameProblem(name)).toMatch(problem);
  });
});
