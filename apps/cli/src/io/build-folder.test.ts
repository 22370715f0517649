import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { type BuildFolderPlan, writeBuildFolder } from './build-folder';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A build folder holding an earlier build: a.txt, cidata.iso and password.txt saying "old". */
function oldBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wg-build-folder-'));
  dirs.push(dir);
  for (const name of ['a.txt', 'cidata.iso', 'password.txt']) writeFileSync(join(dir, name), 'old');
  return dir;
}
const contents = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
const plan = (dir: string, over: Partial<BuildFolderPlan> = {}): BuildFolderPlan => ({
  dir,
  files: [{ path: join(dir, 'a.txt'), content: 'new' }],
  produced: { 'cidata.iso': (path) => writeFile(path, 'new') },
  remove: ['password.txt'],
  force: true,
  cwd: dir,
  ...over,
});
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid as number;

describe('writeBuildFolder', () => {
  test('replaces every file and removes the obsolete password.txt, leaving nothing else', async () => {
    const dir = oldBuild();
    await writeBuildFolder(plan(dir));
    expect(contents(dir)).toEqual({ 'a.txt': 'new', 'cidata.iso': 'new' });
  });

  test('a failure while writing (a full disk) leaves the old build whole and no temp files', async () => {
    const dir = oldBuild();
    const failing = plan(dir, {
      produced: {
        'cidata.iso': async (path) => {
          await writeFile(path, 'half');
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        },
      },
    });
    await expect(writeBuildFolder(failing)).rejects.toThrow(/ENOSPC/);
    expect(contents(dir)).toEqual({ 'a.txt': 'old', 'cidata.iso': 'old', 'password.txt': 'old' });
  });

  test('without force an existing build is refused, naming the files, and nothing changes', async () => {
    const dir = oldBuild();
    await expect(writeBuildFolder(plan(dir, { force: false }))).rejects.toMatchObject({
      code: 'output-exists',
      details: ['a.txt', 'cidata.iso', 'password.txt'],
    });
    expect(contents(dir)).toEqual({ 'a.txt': 'old', 'cidata.iso': 'old', 'password.txt': 'old' });
  });

  test('a run killed while moving files into place is completed by the next run', async () => {
    const dir = oldBuild();
    // The dead run had staged a.txt and cidata.iso, moved a.txt, and not yet cidata.iso.
    const stage = join(dir, `.winguest-build.${deadPid()}.0123456789ab.tmp`);
    mkdirSync(stage);
    writeFileSync(join(stage, 'cidata.iso'), 'crashed-run');
    writeFileSync(join(dir, 'a.txt'), 'crashed-run');
    writeFileSync(
      join(stage, '.manifest.json'),
      JSON.stringify({ files: ['a.txt', 'cidata.iso'], remove: ['password.txt'] }),
    );
    // The next run refuses to overwrite, but first finishes what the dead run committed to.
    await expect(writeBuildFolder(plan(dir, { force: false }))).rejects.toMatchObject({
      code: 'output-exists',
    });
    expect(contents(dir)).toEqual({ 'a.txt': 'crashed-run', 'cidata.iso': 'crashed-run' });
  });

  test('a run killed while staging leaves the old build; its temp files are removed', async () => {
    const dir = oldBuild();
    const pid = deadPid();
    mkdirSync(join(dir, `.winguest-build.${pid}.0123456789ab.tmp`));
    writeFileSync(join(dir, `.winguest-build.${pid}.0123456789ab.tmp`, 'a.txt'), 'half');
    writeFileSync(join(dir, `.cidata.iso.${pid}.0123456789ab.tmp`), Buffer.alloc(4096));
    await expect(writeBuildFolder(plan(dir, { force: false }))).rejects.toMatchObject({
      code: 'output-exists',
    });
    expect(contents(dir)).toEqual({ 'a.txt': 'old', 'cidata.iso': 'old', 'password.txt': 'old' });
  });
});
