import { execFileSync } from 'node:child_process';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { answerFileText } from './__fixtures__/arbitraries';
import { encodePassword } from './index';
import { passwordFields } from './password-field';

const tools = requireHostTools([
  { command: 'iconv', debian: 'libc-bin' },
  { command: 'base64', debian: 'coreutils' },
]);

/** The independent encoder: glibc's iconv to UTF-16LE, coreutils' base64. */
function referenceEncode(text: string): string {
  const utf16 = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'UTF-16LE'], { input: text });
  return execFileSync('base64', ['-w0'], { input: utf16 }).toString('ascii');
}

describe.skipIf(!tools.available)('against iconv + base64', () => {
  test('a random sample of passwords encodes exactly as iconv -t UTF-16LE | base64 does', () => {
    const samples = fc.sample(fc.tuple(answerFileText(), fc.constantFrom(...passwordFields)), {
      numRuns: 60,
      seed: 20261121,
    });
    samples.push(['pässwörd 😀 密码', 'Password'], ['', 'AdministratorPassword']);
    for (const [plain, field] of samples) {
      expect(encodePassword(plain, field), JSON.stringify(plain)).toBe(referenceEncode(plain + field));
    }
  });
});

describe('runtime without Node built-ins', () => {
  test('encodes and decodes when Buffer does not exist (as in a browser)', async () => {
    vi.stubGlobal('Buffer', undefined);
    vi.resetModules();
    try {
      const fresh = await import('./index');
      const encoded = fresh.encodePassword('pässwörd 😀', 'Password');
      expect(fresh.decodePassword(encoded, 'Password')).toBe('pässwörd 😀');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
