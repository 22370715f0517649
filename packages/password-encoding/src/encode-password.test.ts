import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { answerFileText } from './__fixtures__/arbitraries';
import {
  decodePassword,
  encodePassword,
  InvalidEncodedPasswordError,
  InvalidPasswordCharacterError,
  isEncodedFor,
  PasswordEncodingError,
  PasswordFieldMismatchError,
  passwordFieldsOf,
} from './index';
import { passwordFields } from './password-field';

describe('encodePassword', () => {
  test.each([
    // Vectors from Windows answer files (see the unattend facts reference).
    ['password', 'Password', 'cABhAHMAcwB3AG8AcgBkAFAAYQBzAHMAdwBvAHIAZAA='],
    ['pw', 'AdministratorPassword', 'cAB3AEEAZABtAGkAbgBpAHMAdAByAGEAdABvAHIAUABhAHMAcwB3AG8AcgBkAA=='],
    ['', 'Password', 'UABhAHMAcwB3AG8AcgBkAA=='],
    ['ä', 'Password', '5ABQAGEAcwBzAHcAbwByAGQA'],
    ['😀', 'Password', 'PdgA3lAAYQBzAHMAdwBvAHIAZAA='],
    ['a\tb', 'Password', 'YQAJAGIAUABhAHMAcwB3AG8AcgBkAA=='],
  ] as const)('%j as %s → %s', (plain, field, encoded) => {
    expect(encodePassword(plain, field)).toBe(encoded);
    expect(decodePassword(encoded, field)).toBe(plain);
  });

  test.each([
    ['\u0000', 0, 0x0],
    ['ab\u0007', 2, 0x7],
    ['\u001f', 0, 0x1f],
    ['x\uffff', 1, 0xffff],
    ['\ud83d', 0, 0xd83d],
    ['ok\ude00', 2, 0xde00],
    ['\ud83dx', 0, 0xd83d],
  ])('rejects %j, naming the character at index %i', (plain, index, codePoint) => {
    const error = catchError(() => encodePassword(plain, 'Password'));
    expect(error).toBeInstanceOf(InvalidPasswordCharacterError);
    expect(error).toMatchObject({ code: 'invalid-character', index, codePoint });
    expect((error as Error).message).toContain(`at index ${index}`);
    expect((error as Error).message).toContain(`U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`);
  });

  test('rejects a field that is not a password element', () => {
    const error = catchError(() => encodePassword('x', 'password' as 'Password'));
    expect(PasswordEncodingError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'invalid-field' });
    expect((error as Error).message).toMatch(/"password".*"Password".*"AdministratorPassword"/);
  });
});

describe('decodePassword', () => {
  test('accepts values whose = padding is missing', () => {
    expect(
      decodePassword(
        'cAB3AEEAZABtAGkAbgBpAHMAdAByAGEAdABvAHIAUABhAHMAcwB3AG8AcgBkAA',
        'AdministratorPassword',
      ),
    ).toBe('pw');
    expect(decodePassword('UABhAHMAcwB3AG8AcgBkAA=', 'Password')).toBe('');
  });

  test('says which field a value belongs to when the suffix does not match', () => {
    const local = encodePassword('secret', 'Password');
    const error = catchError(() => decodePassword(local, 'AdministratorPassword'));
    expect(error).toBeInstanceOf(PasswordFieldMismatchError);
    expect(error).toMatchObject({ code: 'field-mismatch', matches: ['Password'] });
    expect((error as Error).message).toContain('encoded for <Password>');
    expect((error as Error).message).not.toContain('secret');
  });

  test('reports a value encoded for neither field', () => {
    const plain = btoa('h\0i\0'); // "hi" in UTF-16LE, no suffix at all
    const error = catchError(() => decodePassword(plain, 'Password'));
    expect(error).toMatchObject({ code: 'field-mismatch', matches: [] });
    expect((error as Error).message).toContain('neither');
  });

  test.each([
    ['notbase64!', /character "!" at index 9/],
    ['cAB3A', /impossible for base64/],
    ['cA==', /odd number/],
    ['cABhAA=A', /character "=" at index 6/],
    ['cA=B', /character "=" at index 2/],
    ['cABh=', /does not fit its "=" padding/],
    ['cABhAAA==', /does not fit its "=" padding/],
    ['PdgA', /odd number/],
    ['PdhQAA==', /broken surrogate/],
    [' cABhAA==', /character " " at index 0/],
  ])('rejects the malformed value %j', (value, problem) => {
    const error = catchError(() => decodePassword(value, 'Password'));
    expect(error).toBeInstanceOf(InvalidEncodedPasswordError);
    expect(error).toMatchObject({ code: 'invalid-encoding' });
    expect((error as Error).message).toMatch(problem);
  });
});

describe('passwordFieldsOf / isEncodedFor', () => {
  test('an AdministratorPassword value also decodes under Password, longest suffix first', () => {
    const admin = encodePassword('pw', 'AdministratorPassword');
    expect(passwordFieldsOf(admin)).toEqual(['AdministratorPassword', 'Password']);
    expect(decodePassword(admin, 'Password')).toBe('pwAdministrator');
    expect(isEncodedFor(admin, 'AdministratorPassword')).toBe(true);
  });

  test('a Password value does not decode under AdministratorPassword', () => {
    const local = encodePassword('pw', 'Password');
    expect(passwordFieldsOf(local)).toEqual(['Password']);
    expect(isEncodedFor(local, 'AdministratorPassword')).toBe(false);
  });

  test('values that are not encoded passwords match no field', () => {
    expect(passwordFieldsOf('*SENSITIVE*DATA*DELETED*')).toEqual([]);
    expect(isEncodedFor('', 'Password')).toBe(false);
  });
});

describe('properties', () => {
  test.each(passwordFields)('every valid password round-trips through %s', (field) => {
    fc.assert(
      fc.property(answerFileText(), (plain) => {
        const encoded = encodePassword(plain, field);
        expect(encoded).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
        expect(encoded.length % 4).toBe(0);
        expect(decodePassword(encoded, field)).toBe(plain);
        expect(decodePassword(encoded.replace(/=+$/, ''), field)).toBe(plain);
        expect(isEncodedFor(encoded, field)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test('matches the platform base64 of UTF-16LE bytes', () => {
    fc.assert(
      fc.property(answerFileText(), fc.constantFrom(...passwordFields), (plain, field) => {
        const bytes = new Uint8Array(new Uint16Array([...(plain + field)].flatMap(codeUnits)).buffer);
        const reference = btoa(String.fromCharCode(...bytes));
        expect(encodePassword(plain, field)).toBe(reference);
      }),
      { numRuns: 300 },
    );
  });
});

function codeUnits(char: string): number[] {
  return Array.from({ length: char.length }, (_, i) => char.charCodeAt(i));
}

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}
