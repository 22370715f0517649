export { run, writeTree } from '@winguest/test-media';

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temporary directory removed by the returned cleanup. */
export function tempDir(prefix: string): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), `winguest-${prefix}-`));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** A deep directory tree with mixed-case and non-ASCII names, for file-system listings. */
export function deepTree(): Record<string, string> {
  const files: Record<string, string> = {
    'Setup.exe': 'MZ setup',
    'autorun.inf': '[AutoRun]\r\nopen=setup.exe\r\n',
    'boot/fonts/segoe_slboot.ttf': 'font',
    'support/Überprüfung ✓.txt': 'unicode name',
    'sources/lang.ini': '[Available UI Languages]\r\nen-US = 3\r\n',
  };
  let path = 'deep';
  for (let level = 1; level <= 12; level++) {
    path += `/level-${level}`;
    files[`${path}/file-${level}.txt`] = `level ${level}\n`.repeat(level * 40);
  }
  return files;
}
