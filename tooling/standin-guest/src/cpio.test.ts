import { mkdtemp, readFile, readlink, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { execa } from 'execa';
import { describe, expect, test } from 'vitest';
import { type CpioEntry, writeNewc } from './cpio.ts';

const entries: CpioEntry[] = [
  { kind: 'dir', path: 'bin', mode: 0o755 },
  { kind: 'dir', path: 'etc', mode: 0o755 },
  { kind: 'char', path: 'console', mode: 0o600, major: 5, minor: 1 },
  { kind: 'file', path: 'init', mode: 0o755, data: Buffer.from('#!/bin/sh\necho hi\n') },
  { kind: 'file', path: 'etc/odd', mode: 0o644, data: Buffer.from('12345') },
  { kind: 'symlink', path: 'bin/sh', target: 'busybox' },
];

const gate = requireHostTools([{ command: 'cpio', debian: 'cpio' }]);

describe.skipIf(!gate.available)('writeNewc, read back by GNU cpio', () => {
  test('lists every entry with its type, mode and owner', async () => {
    const listing = await execa('cpio', ['-t', '-v', '--quiet'], { input: Buffer.from(writeNewc(entries)) });
    // `cpio -tv` prints ls-style lines: mode, links, owner, group, size (or major, minor), date, name.
    const summary = listing.stdout.split('\n').map((line) => {
      const [mode, , owner] = line.trim().split(/\s+/);
      return `${mode} ${owner} ${line.split(' 1970 ')[1]}`;
    });
    expect(summary).toEqual([
      'drwxr-xr-x root bin',
      'drwxr-xr-x root etc',
      'crw------- root console',
      '-rwxr-xr-x root init',
      '-rw-r--r-- root etc/odd',
      'lrwxrwxrwx root bin/sh -> busybox',
    ]);
  });

  test('extracts the same bytes (sizes that are not multiples of 4 included)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'standin-cpio-'));
    try {
      const regular = entries.filter((e) => e.kind !== 'char');
      await execa('cpio', ['-i', '-d', '--quiet', '--no-absolute-filenames'], {
        cwd: dir,
        input: Buffer.from(writeNewc(regular)),
      });
      expect(await readFile(join(dir, 'init'), 'utf8')).toBe('#!/bin/sh\necho hi\n');
      expect(await readFile(join(dir, 'etc/odd'), 'utf8')).toBe('12345');
      expect(await readlink(join(dir, 'bin/sh'))).toBe('busybox');
      expect((await stat(join(dir, 'init'))).mode & 0o777).toBe(0o755);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

test('the same entries give byte-identical archives', () => {
  expect(Buffer.from(writeNewc(entries)).equals(Buffer.from(writeNewc(entries)))).toBe(true);
});
