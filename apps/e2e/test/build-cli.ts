import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Vitest global setup: build the winguest CLI once, so the tests drive the real executable. */
export function setup(): void {
  const cli = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'cli');
  execFileSync(process.execPath, [join(cli, 'node_modules/tsup/dist/cli-default.js'), '--silent'], {
    cwd: cli,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
