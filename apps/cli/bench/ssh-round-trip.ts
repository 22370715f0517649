// `winguest up` of the stand-in guest (its time outside QEMU), then the `winguest ssh <name> -- exit 0`
// round trip against it (TCG when KVM is not usable): cold (no connection agent yet: it starts and logs in) and warm (the agent's
// connection reused), next to OpenSSH's `ssh` doing its own handshake with the instance's key to the
// same guest. Every figure is a whole process. Prints figures; asserts nothing. Needs QEMU and apt.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildStandinGuest, defaultStandinCacheDir, standinKernelCmdline } from '@winguest/standin-guest';
import * as vm from '@winguest/vm';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
const work = mkdtempSync(join(tmpdir(), 'winguest-ssh-bench-'));
const home = join(work, 'home');
const ref = { name: 'bench', home };
const env = { ...process.env, WINGUEST_HOME: home };

/** Median wall time of `runs` runs of `command`, each after `prepare`; undefined when it fails. */
function median(runs: number, command: string, args: string[], prepare = () => {}): number | string {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    prepare();
    const start = performance.now();
    const result = spawnSync(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 });
    if (result.status !== 0) return `${command} exited ${result.status}: ${String(result.stderr).trim()}`;
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
}

/** Ends the instance's agent (as a kill from outside would), so the next call is cold. */
function killAgent(): void {
  try {
    process.kill(Number(readFileSync(vm.instancePaths('bench', home).sshAgentPid, 'utf8')), 'SIGKILL');
  } catch {
    // none runs
  }
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100); // let it go
}

function report(row: Record<string, unknown>): void {
  const file = process.env.WINGUEST_BENCH_ROWS;
  if (file) appendFileSync(file, `${JSON.stringify({ group: 'ssh', ...row })}\n`);
  console.log(JSON.stringify(row));
}

/**
 * `winguest up` of the stand-in through the CLI; its time outside QEMU: from the command's start to
 * `qemu-started`, plus from the guest's `WINGUEST ready` on the serial port to the command's end.
 */
async function up(): Promise<{ outsideMs: number; toQemuMs: number; afterReadyMs: number }> {
  const guest = await buildStandinGuest({ cacheDir: defaultStandinCacheDir() });
  const config = join(work, 'winguest.yaml');
  const append = standinKernelCmdline({ script: 'winguest/first-logon.ps1' });
  const vmConfig = {
    cpus: 1,
    memoryMiB: 512,
    secureBoot: false,
    tpm: false,
    kernel: { kernel: guest.kernel, initrd: guest.initrd, append },
  };
  const fields = { family: 'windows11', firmware: 'bios', computerName: 'bench', user: { name: 'root' } };
  writeFileSync(config, JSON.stringify({ ...fields, vm: vmConfig }));
  const start = performance.now();
  const result = spawnSync(process.execPath, [cli, 'up', 'bench', '--config', config, '--json', '--detach'], {
    env,
    encoding: 'utf8',
  });
  const wallMs = performance.now() - start;
  if (result.status !== 0)
    throw new Error(`winguest up exited ${result.status}: ${result.stdout}${result.stderr}`);
  const events = result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  const at = (match: (e: Record<string, unknown>) => boolean) => events.find(match)?.elapsedMs as number;
  const toQemuMs = at((e) => e.action === 'qemu-started');
  const afterReadyMs = wallMs - at((e) => e.event === 'serial' && e.line === 'WINGUEST ready');
  return { outsideMs: toQemuMs + afterReadyMs, toQemuMs, afterReadyMs };
}

try {
  const booted = await up();
  report({
    subject: `\`up\` on the stand-in, time outside QEMU (${booted.toQemuMs.toFixed(0)} ms to qemu-started + ${booted.afterReadyMs.toFixed(0)} ms from serial ready to the end)`,
    metric: 'wall',
    unit: 'ms',
    value: booted.outsideMs,
    target: '≤ 3000 ms',
    met: booted.outsideMs <= 3000,
  });
  const winguest = [cli, 'ssh', 'bench', '--', 'exit 0'];
  const cold = median(5, process.execPath, winguest, killAgent);
  median(1, process.execPath, winguest); // the agent is up again
  const warm = median(15, process.execPath, winguest);
  const openssh = median(7, 'ssh', [...vm.instanceSsh(ref).sshArgs, '-o', 'BatchMode=yes', 'exit 0']);
  const subject = 'command round trip (`winguest ssh NAME -- exit 0`) to the stand-in';
  const figure = (value: number | string) =>
    typeof value === 'number' ? { value } : { skipped: value.split('\n')[0] };
  const peers = typeof openssh === 'number' ? [{ name: 'OpenSSH ssh, own handshake', value: openssh }] : [];
  report({
    subject: `${subject}, warm (agent connection reused)`,
    metric: 'wall',
    unit: 'ms',
    ...figure(warm),
    peers,
    target: '< OpenSSH ssh',
    ...(typeof warm === 'number' && typeof openssh === 'number' ? { met: warm < openssh } : {}),
  });
  report({
    subject: `${subject}, cold (agent starts, logs in)`,
    metric: 'wall',
    unit: 'ms',
    ...figure(cold),
    peers,
  });
  if (typeof openssh !== 'number') console.log(`OpenSSH ssh not measured: ${openssh}`);
} catch (error) {
  // No QEMU or no apt for the stand-in: a row saying why, not a failed run.
  const reason = (error as Error).message.split('\n')[0];
  report({ subject: 'command round trip (`winguest ssh NAME -- exit 0`) to the stand-in', skipped: reason });
} finally {
  spawnSync(process.execPath, [cli, 'rm', '--force', 'bench'], { env, stdio: 'ignore' });
  rmSync(work, { recursive: true, force: true });
}
