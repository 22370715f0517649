import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createRedactor, isSecretKey, redactedText } from './redact';

describe('isSecretKey', () => {
  test.each([
    ['password', true],
    ['adminPassword', true],
    ['administratorPassword', true],
    ['productKey', true],
    ['privateKey', true],
    ['token', true],
    ['passwordFile', false],
    ['privateKeyPath', false],
    ['name', false],
    ['publicKey', false],
    ['keyboard', false],
  ])('%s → %s', (key, secret) => expect(isSecretKey(key)).toBe(secret));
});

describe('createRedactor', () => {
  test('replaces a known secret wherever it appears in text', () => {
    const redactor = createRedactor(['Sup3rSecretXYZ']);
    expect(redactor.text('expected array, got "Sup3rSecretXYZ" (Sup3rSecretXYZ)')).toBe(
      `expected array, got "${redactedText}" (${redactedText})`,
    );
  });

  test('hides values under secret keys, deep in objects and arrays, and known secrets in strings', () => {
    const redactor = createRedactor();
    redactor.add('hunter22');
    const value = { accounts: [{ name: 'b', password: 'x', note: 'pw hunter22' }], passwordFile: 'p.txt' };
    expect(redactor.value(value)).toEqual({
      accounts: [{ name: 'b', password: redactedText, note: `pw ${redactedText}` }],
      passwordFile: 'p.txt',
    });
  });

  test('ignores empty and two-letter secrets (they would erase ordinary text)', () => {
    const redactor = createRedactor(['', 'ab']);
    expect(redactor.text('about a cab')).toBe('about a cab');
  });

  test('no known secret survives in any text (property)', () => {
    // Secrets sharing no character with the marker, so a replacement cannot spell one again.
    const secretText = fc
      .string({ minLength: 3 })
      .filter((s) => ![...s].some((c) => redactedText.includes(c)));
    fc.assert(
      fc.property(secretText, fc.string(), fc.string(), (secret, before, after) => {
        expect(createRedactor([secret]).text(`${before}${secret}${after}${secret}`)).not.toContain(secret);
      }),
    );
  });
});
