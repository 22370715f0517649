// `winguest ssh <name> -- exit 0` round trip against the stand-in guest (booted here under QEMU, TCG
// when KVM is not usable): cold (no connection agent yet: it starts and logs in) and warm (the agent's
// connection reused), next to OpenSSH's `ssh` doing its own handshake with the instance's key to the
// same guest. Every figure is a whole process. Prints figures; asserts nothing. Needs QEMU and apt.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cidataLayout, writeIso } from '@winguest/cidata-iso';
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

try {
  const guest = await buildStandinGuest({ cacheDir: defaultStandinCacheDir() });
  const windows = join(work, 'windows.iso');
  await writeIso([{ type: 'file', path: 'setup.txt', source: 'stand-in install media\n' }], windows);
  await vm.up(
    {
      ...ref,
      firmware: 'bios',
      cpus: 1,
      memoryMiB: 384,
      disk: { size: '64M' },
      kernel: { kernel: guest.kernel, initrd: guest.initrd, append: standinKernelCmdline({}) },
      ssh: { user: 'root' },
      media: { windows },
      screenshotIntervalSeconds: 0,
    },
    {
      writeCidata: async ({ path, sshPublicKey }) => {
        const files = {
          'provision.ps1': 'Write-Output "provisioning"\r\n',
          authorized_keys: `${sshPublicKey}\n`,
        };
        await writeIso(cidataLayout({ answerFile: '<unattend/>\n', files }), path, { overwrite: true });
      },
    },
  );
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
  });
  report({
    subject: `${subject}, cold (agent starts, logs in)`,
    metric: 'wall',
    unit: 'ms',
    ...figure(cold),
    peers,
  });
  if (typeof openssh !== 'number') console.log(`OpenSSH ssh not measured: ${openssh}`);
} finally {
  await vm.removeInstance({ ...ref, force: true }).catch(() => {});
  rmSync(work, { recursive: true, force: true });
}
