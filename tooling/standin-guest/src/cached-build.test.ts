import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { publishBuild, readBuild, removeStaleBuilds } from './cached-build.ts';

let cache: string;
beforeEach(async () => {
  cache = await mkdtemp(join(tmpdir(), 'standin-cache-'));
});
afterEach(async () => {
  await rm(cache, { recursive: true, force: true });
});

async function finishedBuild(name: string, initrd: string): Promise<string> {
  const out = join(cache, name);
  await mkdir(out);
  await writeFile(join(out, 'vmlinuz'), 'kernel');
  await writeFile(join(out, 'initrd.img'), initrd);
  await writeFile(
    join(out, 'manifest.json'),
    JSON.stringify({ kernelVersion: '6.1.0-56-amd64', key: 'k', packages: [] }),
  );
  return out;
}

test('two workers racing to publish the same key both get one complete build', async () => {
  const dir = join(cache, 'standin-k');
  const [a, b] = await Promise.all([
    finishedBuild('.build-a', 'from a').then((out) => publishBuild(out, dir)),
    finishedBuild('.build-b', 'from b').then((out) => publishBuild(out, dir)),
  ]);
  expect(a).toEqual(b);
  expect(a.initrd).toBe(join(dir, 'initrd.img'));
  expect(['from a', 'from b']).toContain(await readFile(a.initrd, 'utf8'));
  expect((await readdir(cache)).sort()).toEqual(['standin-k']);
});

test('a directory without a manifest is not a build, and is never taken for one', async () => {
  const dir = join(cache, 'standin-k');
  await mkdir(dir);
  await writeFile(join(dir, 'vmlinuz'), 'half-written');
  expect(await readBuild(dir)).toBeUndefined();
  await expect(publishBuild(await finishedBuild('.build-a', 'a'), dir)).rejects.toThrow(/ENOTEMPTY|EEXIST/);
});

test('build directories left by a killed run are removed once stale; running ones are not', async () => {
  const stale = await finishedBuild('.build-old', 'x');
  await finishedBuild('.build-running', 'y');
  await finishedBuild('standin-k', 'z');
  const twoHoursAgo = new Date(Date.now() - 7_200_000);
  await utimes(stale, twoHoursAgo, twoHoursAgo);
  await removeStaleBuilds(cache);
  expect((await readdir(cache)).sort()).toEqual(['.build-running', 'standin-k']);
});
