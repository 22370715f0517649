import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildStandinGuest, defaultStandinCacheDir, standinKernelCmdline } from '@winguest/standin-guest';
import { buildFakeInstallIso, installIsoTools } from '@winguest/test-media';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { type UpJsonLine, upJsonLineSchema } from '@winguest/vm';
import { type CliResult, runCli } from './run-cli';

/** What booting the stand-in guest through the CLI needs on the host (skip locally, fail on CI). */
export const standinTools = () =>
  requireHostTools([
    { command: 'qemu-system-x86_64', debian: 'qemu-system-x86' },
    { command: 'qemu-img', debian: 'qemu-utils' },
    { command: 'apt-get', debian: 'apt' },
    { command: 'dpkg-deb', debian: 'dpkg' },
    ...installIsoTools,
  ]);

/** A folder with a fake install ISO and a `winguest.yaml` that boots the stand-in under TCG. */
export interface StandinCli {
  dir: string;
  env: Record<string, string>;
  iso: string;
  /** Runs the built CLI in `dir` with the folder's own WINGUEST_HOME and HOME. */
  cli: (...args: string[]) => Promise<CliResult>;
}

/**
 * Builds (or reuses from the cache) the stand-in guest, which behaves like our Windows install:
 * progress lines, one reboot, SSH with the key from our media. `stageDelay` slows each stage (s).
 */
export async function standinCli(prefix: string, stageDelay = 0): Promise<StandinCli> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const guest = await buildStandinGuest({ cacheDir: defaultStandinCacheDir() });
  const append = standinKernelCmdline({ script: 'winguest/first-logon.ps1', stageDelay });
  writeFileSync(
    join(dir, 'winguest.yaml'),
    [
      'family: windows11',
      'firmware: bios',
      'user:',
      '  name: root',
      'vm:',
      '  accelerator: tcg',
      '  memoryMiB: 512',
      '  kernel:',
      `    kernel: ${JSON.stringify(guest.kernel)}`,
      `    initrd: ${JSON.stringify(guest.initrd)}`,
      `    append: ${JSON.stringify(append)}`,
      '',
    ].join('\n'),
  );
  mkdirSync(join(dir, 'home'));
  const env = {
    WINGUEST_HOME: join(dir, 'instances'),
    HOME: join(dir, 'home'),
    WINGUEST_PASSWORD: 'Stand-in-1',
  };
  const iso = buildFakeInstallIso({ dir });
  return { dir, env, iso, cli: (...args) => runCli(args, { cwd: dir, env }) };
}

/** `up --json` lines, each checked against the published schema that other programs read it with. */
export function ndjson(stdout: string): UpJsonLine[] {
  return stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => upJsonLineSchema.parse(JSON.parse(line)));
}

/** The SSH host key the CLI recorded for an instance (its known_hosts line without the host). */
export function recordedHostKey(standin: StandinCli, name: string): string {
  const line = readFileSync(join(standin.dir, 'instances', 'instances', name, 'known_hosts'), 'utf8');
  return line.split(' ').slice(1).join(' ');
}

/** Whether a process still runs (a zombie waiting for its parent to reap it does not count). */
export function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Waits up to `ms` for a process to be gone; QEMU may take a moment to exit after its parent. */
export async function gone(pid: number, ms = 10_000): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; ) {
    if (!alive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !alive(pid);
}
