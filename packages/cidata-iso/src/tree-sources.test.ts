import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createIsoStream, InvalidLayoutError, readIso, SourceMissingError, writeIso } from './index';

let dir: string;
let tree: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cidata-iso-tree-'));
  tree = join(dir, 'media');
  await mkdir(join(tree, 'winguest'), { recursive: true });
  await writeFile(join(tree, 'autounattend.xml'), '<unattend/>\n');
  await writeFile(join(dir, 'secret'), 'root:$6$hash\n');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function refusal(): Promise<InvalidLayoutError> {
  const out = join(dir, 'out.iso');
  const error = await writeIso([{ type: 'tree', path: '', from: tree }], out).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidLayoutError);
  expect(existsSync(out)).toBe(false);
  return error as InvalidLayoutError;
}

test('a symbolic link leading out of the tree is refused, naming the link and the fix', async () => {
  await symlink(join(dir, 'secret'), join(tree, 'winguest', 'shadow'));
  const error = await refusal();
  expect(error.issues).toHaveLength(1);
  expect(error.issues[0]?.message).toContain('"winguest/shadow" is a symbolic link');
  expect(error.issues[0]?.message).toContain(join(dir, 'secret'));
  expect(error.issues[0]?.message).toMatch(/cp -L/);
});

test('every link and special file is reported at once; /dev/zero is never read', async () => {
  await symlink('/dev/zero', join(tree, 'zero'));
  await symlink('../autounattend.xml', join(tree, 'winguest', 'inside-link.xml'));
  await symlink(tree, join(tree, 'loop'));
  const started = performance.now();
  const error = await refusal();
  expect(error.issues.map((i) => i.message.split(' is ')[0])).toEqual([
    '"loop"',
    '"winguest/inside-link.xml"',
    '"zero"',
  ]);
  expect(performance.now() - started).toBeLessThan(5000);
});

test('the tree root itself may be a symbolic link (a mounted or linked driver folder)', async () => {
  const link = join(dir, 'media-link');
  await symlink(tree, link);
  const out = join(dir, 'linked.iso');
  await writeIso([{ type: 'tree', path: 'd', from: link }], out);
  expect((await readIso(out)).entries.map((e) => e.path)).toEqual(['d', 'd/autounattend.xml', 'd/winguest']);
});

const gate = requireHostTools([{ command: 'mkfifo', debian: 'coreutils' }]);

describe.skipIf(!gate.available)('special files', () => {
  test('a FIFO in the tree is refused without being opened (no hang)', { timeout: 5000 }, async () => {
    execFileSync('mkfifo', [join(tree, 'winguest', 'pipe')]);
    const error = await refusal();
    expect(error.issues[0]?.message).toMatch(
      /"winguest\/pipe" is a FIFO .*only regular files and directories/,
    );
  });
});

test('a source swapped for a link to /dev/zero after planning fails fast instead of growing', {
  timeout: 5000,
}, async () => {
  const file = join(dir, 'answer.xml');
  await writeFile(file, '<unattend/>\n');
  const stream = await createIsoStream([{ type: 'file', path: 'autounattend.xml', source: { path: file } }]);
  await rm(file);
  await symlink('/dev/zero', file);
  const drain = async () => {
    for await (const _ of stream);
  };
  await expect(drain()).rejects.toThrow(SourceMissingError);
});
