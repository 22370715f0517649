import { expect, test } from 'vitest';
import { InstallMediaError } from '../errors';
import type { MediaFileSystem } from '../file-system';
import { listFiles } from './walk';

/** A file system whose every directory holds two files and two sub-directories that are itself. */
const looping: MediaFileSystem = {
  kind: 'joliet',
  revision: undefined,
  label: 'LOOP',
  readDirectory: async () => [
    { name: 'a.inf', isDirectory: false, size: 1 },
    { name: 'b.sys', isDirectory: false, size: 1 },
    { name: 'self', isDirectory: true, size: 0 },
    { name: 'again', isDirectory: true, size: 0 },
  ],
  openFile: async () => undefined,
};

test('a crafted image whose directories contain themselves fails fast with corrupt-filesystem', async () => {
  const started = performance.now();
  const error = await listFiles(looping, 'viostor').catch((e: unknown) => e);
  expect(InstallMediaError.isInstance(error) && error.code).toBe('corrupt-filesystem');
  expect(String(error)).toMatch(/viostor/);
  expect(performance.now() - started).toBeLessThan(5000);
});
