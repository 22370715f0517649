import { encodePassword } from '@winguest/password-encoding';
import { describe, expect, test } from 'vitest';
import { generatePassword } from './secrets';

describe('generatePassword', () => {
  test('always meets Windows complexity: upper, lower, digit and symbol, 20 characters', () => {
    for (let i = 0; i < 200; i++) {
      const password = generatePassword();
      expect(password).toHaveLength(20);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[0-9]/);
      expect(password).toMatch(/[-_.+!#]/);
      expect(password).not.toMatch(/[\s'"`$%^&\\]/);
      expect(() => encodePassword(password, 'Password')).not.toThrow();
    }
  });

  test('does not repeat', () => {
    const seen = new Set(Array.from({ length: 500 }, () => generatePassword()));
    expect(seen.size).toBe(500);
  });
});
