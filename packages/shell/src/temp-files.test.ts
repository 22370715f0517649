import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { removeStaleTempFiles, tempFileOwner, tempPathFor } from './temp-files';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'wg-temp-'));
  dirs.push(dir);
  return dir;
};

describe('tempPathFor', () => {
  test('is hidden, beside the target, and names this process', () => {
    const path = tempPathFor('/out/cidata.iso');
    expect(dirname(path)).toBe('/out');
    expect(basename(path)).toMatch(/^\.cidata\.iso\.\d+\.[0-9a-f]{12}\.tmp$/);
    expect(tempFileOwner(basename(path))).toBe(process.pid);
    expect(tempPathFor('/out/cidata.iso')).not.toBe(path);
  });
});

describe('removeStaleTempFiles', () => {
  test("removes a dead process's files and folders, keeps live ones' and everything else", async () => {
    const dir = folder();
    const dead = spawnSync(process.execPath, ['-e', '']).pid as number;
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await new Promise((resolve) => live.once('spawn', resolve));
      const deadFile = `.cidata.iso.${dead}.0123456789ab.tmp`;
      const deadFolder = `.winguest-build.${dead}.0123456789ab.tmp`;
      const liveFile = `.cidata.iso.${live.pid}.0123456789ab.tmp`;
      const mine = basename(tempPathFor(join(dir, 'qemu.sh')));
      writeFileSync(join(dir, deadFile), Buffer.alloc(1024));
      mkdirSync(join(dir, deadFolder));
      writeFileSync(join(dir, deadFolder, 'autounattend.xml'), 'x');
      for (const name of [liveFile, mine, 'cidata.iso', 'notes.1234.tmp', '.x.99.zz.tmp'])
        writeFileSync(join(dir, name), '');
      expect(removeStaleTempFiles(dir).sort()).toEqual([deadFile, deadFolder].sort());
      expect(readdirSync(dir).sort()).toEqual(
        [liveFile, mine, 'cidata.iso', 'notes.1234.tmp', '.x.99.zz.tmp'].sort(),
      );
    } finally {
      live.kill('SIGKILL');
    }
  });

  test('a folder that does not exist has nothing to remove', () => {
    expect(removeStaleTempFiles(join(folder(), 'missing'))).toEqual([]);
  });
});
