import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { bootIdentity, cachedVerdict, defaultProbeCacheDir, fileIdentity } from './verdict-cache';

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'winguest-verdicts-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('cachedVerdict', () => {
  test('probes once per key and boot; the next command reads the stored verdict', async () => {
    const dir = freshDir();
    const key = `accelerator amd64 /usr/bin/qemu ${bootIdentity()}`;
    let probes = 0;
    const probe = async () => ({ accelerator: 'tcg', reason: `probe ${++probes}` });
    expect(await cachedVerdict(dir, key, probe)).toEqual({ accelerator: 'tcg', reason: 'probe 1' });
    expect(await cachedVerdict(dir, key, probe)).toEqual({ accelerator: 'tcg', reason: 'probe 1' });
    expect(probes).toBe(1);
    expect(await cachedVerdict(dir, `other ${bootIdentity()}`, probe)).toEqual({
      accelerator: 'tcg',
      reason: 'probe 2',
    });
  });

  test('drops verdicts of earlier boots when it writes', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'probe-verdicts.json'), JSON.stringify({ 'qemu amd64 x boot-of-last-week': 1 }));
    await cachedVerdict(dir, `qemu amd64 x ${bootIdentity()}`, async () => 2);
    const stored = JSON.parse(readFileSync(join(dir, 'probe-verdicts.json'), 'utf8'));
    expect(stored).toEqual({ [`qemu amd64 x ${bootIdentity()}`]: 2 });
  });

  test.skipIf(process.getuid?.() === 0)(
    'an unwritable cache still answers, by probing each time',
    async () => {
      const dir = freshDir();
      chmodSync(dir, 0o500);
      let probes = 0;
      await cachedVerdict(join(dir, 'sub'), 'k', async () => ++probes);
      expect(await cachedVerdict(join(dir, 'sub'), 'k', async () => ++probes)).toBe(2);
    },
  );
});

test('a file identity changes when the file is replaced, and names a missing file', () => {
  const dir = freshDir();
  const file = join(dir, 'qemu');
  expect(fileIdentity(file)).toBe(`${file}:-`);
  writeFileSync(file, 'one');
  const first = fileIdentity(file);
  rmSync(file);
  writeFileSync(file, 'other binary');
  expect(fileIdentity(file)).not.toBe(first);
});

test('the cache lives under XDG_CACHE_HOME when it is set', () => {
  expect(defaultProbeCacheDir({ XDG_CACHE_HOME: '/x/cache' })).toBe('/x/cache/winguest');
  expect(defaultProbeCacheDir({})).toMatch(/\.cache\/winguest$/);
});
