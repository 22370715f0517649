import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from './run-cli';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'winguest-cli-large-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `answer:` with `count` keys (k0 … k<count-1>), then `extra` lines. */
function config(count: number, extra = ''): string {
  const keys = Array.from({ length: count }, (_, i) => `  k${i}: ${i}`);
  return `answer:\n${keys.join('\n')}\n${extra}`;
}

// Quadratic before (the YAML library's duplicate-key check): 40 000 keys took about 20 s; the
// default test timeout would fail such a run. Now each key is looked at a fixed number of times.
describe('a config with 40 000 keys under answer:', () => {
  test('is refused at once, every unknown key counted on one short line', async () => {
    const work = mkdtempSync(join(dir, 'keys-'));
    writeFileSync(join(work, 'winguest.yaml'), config(40_000));
    const result = await runCli(['build'], {
      cwd: work,
      env: { HOME: work, WINGUEST_PASSWORD: 'Pa55-word' },
    });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('answer: Unrecognized keys: "k0", "k1"');
    expect(result.stderr).toContain('and 39990 more');
    expect(result.stderr.length).toBeLessThan(2_000);
    expect(readdirSync(work)).toEqual(['winguest.yaml']);
  });

  test('a repeated key among them is still found, with its line', async () => {
    const work = mkdtempSync(join(dir, 'duplicate-'));
    writeFileSync(join(work, 'winguest.yaml'), config(40_000, 'vm:\n  cpus: 2\n  cpus: 4\n'));
    const result = await runCli(['build'], {
      cwd: work,
      env: { HOME: work, WINGUEST_PASSWORD: 'Pa55-word' },
    });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('winguest.yaml:40004:3: Map keys must be unique ("cpus")');
  });
});
