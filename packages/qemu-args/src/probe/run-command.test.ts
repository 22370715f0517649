import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { describe, expect, test } from 'vitest';
import { runCommand } from './run-command';

const tools = requireHostTools([
  { command: 'sh', debian: 'dash' },
  { command: 'sleep', debian: 'coreutils' },
]);

describe.skipIf(!tools.available)('runCommand', () => {
  test('stops a command as soon as its stderr shows the failure, instead of waiting out the timeout', async () => {
    // What QEMU does on a host whose /dev/kvm exists but cannot run a guest: it prints the error and
    // pauses the guest, so the process never exits by itself.
    const script = 'echo "KVM internal error. Suberror: 1" >&2; exec sleep 30';
    const started = performance.now();
    const result = await runCommand('sh', ['-c', script], {
      timeoutMs: 20_000,
      failOn: /KVM internal error/,
    });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result).toMatchObject({ failedFast: true, timedOut: false });
    expect(result.stderr).toContain('KVM internal error');
  });

  test('children get the environment they are given, not the parent one', async () => {
    const result = await runCommand('sh', ['-c', 'echo "[$WINGUEST_PASSWORD]"'], {
      timeoutMs: 5_000,
      env: { PATH: process.env.PATH },
    });
    expect(result.stdout.trim()).toBe('[]');
  });
});
