import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { findExecutable } from './find-executable';

const root = mkdtempSync(join(tmpdir(), 'winguest-shell-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.skipIf(process.platform === 'win32')('findExecutable', () => {
  const first = mkdtempSync(join(root, 'a-'));
  const second = mkdtempSync(join(root, 'b-'));
  const extra = mkdtempSync(join(root, 'c-'));
  for (const [dir, mode] of [
    [first, 0o644],
    [second, 0o755],
    [extra, 0o755],
  ] as const) {
    writeFileSync(join(dir, 'tool'), '#!/bin/sh\n');
    chmodSync(join(dir, 'tool'), mode);
  }

  test('the first executable on PATH wins; files without the executable bit are skipped', () => {
    expect(findExecutable('tool', { env: { PATH: [first, second].join(delimiter) } })).toBe(
      join(second, 'tool'),
    );
  });

  test('extraDirs are searched after PATH; absent everywhere is undefined', () => {
    expect(findExecutable('tool', { env: { PATH: first }, extraDirs: [extra] })).toBe(join(extra, 'tool'));
    expect(findExecutable('missing', { env: { PATH: second }, extraDirs: [extra] })).toBeUndefined();
  });

  test('Windows conventions: PATHEXT suffixes', () => {
    writeFileSync(join(extra, 'qemu-img.EXE'), '');
    expect(
      findExecutable('qemu-img', { env: { PATH: extra, PATHEXT: '.COM;.EXE' }, platform: 'win32' }),
    ).toBe(join(extra, 'qemu-img.EXE'));
  });
});
