import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { assertWritable, writeOutputs } from './write-outputs';

async function tempDir() {
  return mkdtemp(join(tmpdir(), 'winguest-cli-'));
}

describe('writeOutputs', () => {
  test('creates secret files 0600 and others 0644, leaving no temporary files', async () => {
    const dir = await tempDir();
    await writeOutputs([
      { path: join(dir, 'autounattend.xml'), content: '<x/>', secret: true },
      { path: join(dir, 'sub', 'qemu.sh'), content: '#!/bin/sh\n', executable: true },
      { path: join(dir, 'readme.txt'), content: 'hi' },
    ]);
    expect((await stat(join(dir, 'autounattend.xml'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'sub', 'qemu.sh'))).mode & 0o777).toBe(0o755);
    expect((await stat(join(dir, 'readme.txt'))).mode & 0o777).toBe(0o644);
    expect(await readFile(join(dir, 'autounattend.xml'), 'utf8')).toBe('<x/>');
    expect((await readdir(dir)).sort()).toEqual(['autounattend.xml', 'readme.txt', 'sub']);
  });

  test('a failing write leaves the existing file as it was and no temporary file', async () => {
    const dir = await tempDir();
    const target = join(dir, 'keep.txt');
    await writeFile(target, 'original');
    await expect(
      writeOutputs([{ path: join(target, 'child'), content: 'x' }]), // parent is a file: cannot write
    ).rejects.toThrow(/Could not write/);
    expect(await readFile(target, 'utf8')).toBe('original');
    expect(await readdir(dir)).toEqual(['keep.txt']);
  });
});

describe('assertWritable', () => {
  test('names every existing output and suggests --force', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a'), '');
    await writeFile(join(dir, 'b'), '');
    const error = await assertWritable([join(dir, 'a'), join(dir, 'b'), join(dir, 'c')], false, dir).catch(
      (e) => e,
    );
    expect(error.message).toContain('2 existing file(s)');
    expect(error.details).toEqual(['a', 'b']);
    expect(error.hint).toContain('--force');
    await expect(assertWritable([join(dir, 'a')], true, dir)).resolves.toBeUndefined();
  });
});
