import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { winguestCli } from './winguest-cli.ts';

describe('a winguest call that outlives its time', () => {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-cli-timeout-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('gets SIGTERM and the time to report, like up stopping QEMU and printing its error', async () => {
    // Stands in for the CLI: on SIGTERM it takes 6 s (longer than execa's default 5 s before
    // SIGKILL) to clean up, then prints its error line and exits 1.
    const cli = join(dir, 'slow-exit.mjs');
    writeFileSync(
      cli,
      [
        "process.on('SIGTERM', () => setTimeout(() => {",
        "  console.log(JSON.stringify({ type: 'error', code: 'aborted', message: 'stopped' }));",
        '  process.exit(1);',
        '}, 6000));',
        "console.log('started');",
        'setInterval(() => {}, 1000);',
      ].join('\n'),
    );
    const run = await winguestCli(cli, {}).run(['up'], { timeoutMs: 1000 });
    expect(run.stdout).toBe('started\n{"type":"error","code":"aborted","message":"stopped"}\n');
    expect(run.exitCode).toBe(1);
  }, 30_000);
});
