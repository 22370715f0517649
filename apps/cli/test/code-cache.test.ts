import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { runCli } from './run-cli';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh compile cache directory, as NODE_COMPILE_CACHE. */
function cacheDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'winguest-code-cache-'));
  dirs.push(dir);
  return dir;
}

/** The bundle's code caches under `dir` (Node adds a folder per Node version). */
function caches(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.cache'))
    .map((name) => join(dir, name));
}

describe('the bundle code cache', () => {
  test('the first run of a command writes its cache, later runs read it and print the same', async () => {
    const dir = cacheDir();
    const first = await runCli(['--help'], { env: { NODE_COMPILE_CACHE: dir } });
    const written = caches(dir);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/[/\\]winguest[/\\]other\.[0-9a-f]{8}\.\d+-\d+\.cache$/);
    const before = statSync(written[0] as string);
    expect(before.size).toBeGreaterThan(10_000);
    const second = await runCli(['--help'], { env: { NODE_COMPILE_CACHE: dir } });
    expect(second).toEqual(first);
    expect(first.exitCode).toBe(0);
    // Accepted as it was: not written again.
    expect(statSync(written[0] as string).mtimeMs).toBe(before.mtimeMs);
    // Another command compiles other code: it has a cache of its own.
    const lintHelp = await runCli(['lint', '--help'], { env: { NODE_COMPILE_CACHE: dir } });
    expect(lintHelp.exitCode).toBe(0);
    expect(
      caches(dir)
        .map((file) => file.split(/[/\\]/).pop()?.split('.')[0])
        .sort(),
    ).toEqual(['lint', 'other']);
  });

  test('a damaged cache is ignored and replaced; the command still runs', async () => {
    const dir = cacheDir();
    await runCli(['--version'], { env: { NODE_COMPILE_CACHE: dir } });
    const [file] = caches(dir);
    writeFileSync(file as string, 'not a V8 code cache');
    const result = await runCli(['--version'], { env: { NODE_COMPILE_CACHE: dir } });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(caches(dir)).toEqual([file]);
    expect(readFileSync(file as string).length).toBeGreaterThan(10_000);
  });

  test("a cache of an earlier bundle is removed when this one's is written", async () => {
    const dir = cacheDir();
    await runCli(['--version'], { env: { NODE_COMPILE_CACHE: dir } });
    const [file] = caches(dir) as [string];
    const stale = file.replace(/\.\d+-\d+\.cache$/, '.1-1.cache');
    writeFileSync(stale, 'an earlier build of the bundle');
    rmSync(file);
    await runCli(['--version'], { env: { NODE_COMPILE_CACHE: dir } });
    expect(caches(dir)).toEqual([file]);
  });

  test('NODE_DISABLE_COMPILE_CACHE=1 writes no cache', async () => {
    const dir = cacheDir();
    const result = await runCli(['--version'], {
      env: { NODE_COMPILE_CACHE: dir, NODE_DISABLE_COMPILE_CACHE: '1' },
    });
    expect(result.exitCode).toBe(0);
    expect(caches(dir)).toEqual([]);
  });
});
