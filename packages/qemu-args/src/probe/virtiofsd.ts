import { accessSync, constants } from 'node:fs';
import { findExecutable } from '@winguest/shell';
import type { DescriptorDirOptions } from './descriptor-dirs';
import { describeFailure, type ProbeResult } from './probe-result';
import { type CommandRunner, runCommand } from './run-command';
import { readVhostUserDescriptors } from './vhost-user-descriptors';

/** A usable virtiofsd, the host half of a virtio-fs share. */
export interface Virtiofsd {
  /** Absolute path of the daemon. */
  path: string;
  /**
   * `rust`: virtiofsd ≥ 1.0 (`--shared-dir`, `--sandbox none` unprivileged); `qemu`: the C daemon
   * QEMU ≤ 7.2 shipped (`-o source=`, runs as root).
   */
  flavour: 'rust' | 'qemu';
  /** What `--version` printed first, e.g. `virtiofsd version 7.2.22 (Debian …)`. */
  version: string;
  /** It serves a directory read-only itself (`--readonly`); otherwise the runner bind-mounts it read-only. */
  readOnlyOption: boolean;
  /** The vhost-user descriptor that named it; undefined when found in a well-known path. */
  descriptor?: string;
}

/** Options of {@link probeVirtiofsd}. */
export interface VirtiofsdProbeOptions extends DescriptorDirOptions {
  /** Descriptor directories to search instead of QEMU's. */
  dirs?: readonly string[];
  /** Default `process.platform`: vhost-user exists on Linux only. */
  platform?: NodeJS.Platform;
  /** Default `process.getuid()`: QEMU's C virtiofsd needs root. */
  uid?: number;
  runner?: CommandRunner;
  timeoutMs?: number;
}

/** Where distributions install virtiofsd when no descriptor names it. */
export const virtiofsdFallbacks = ['/usr/libexec/virtiofsd', '/usr/lib/qemu/virtiofsd', '/usr/lib/virtiofsd'];

/**
 * Finds virtiofsd as QEMU documents it — the first vhost-user descriptor of type `fs` whose binary
 * exists — then in well-known paths and on `PATH`, and reads which flavour it is. Never throws.
 */
export async function probeVirtiofsd(options: VirtiofsdProbeOptions = {}): Promise<ProbeResult<Virtiofsd>> {
  const platform = options.platform ?? process.platform;
  if (platform !== 'linux')
    return {
      available: false,
      reason: `virtio-fs needs vhost-user, which QEMU offers on Linux only (this host: ${platform})`,
    };
  const described = readVhostUserDescriptors(options).filter((d) => d.type === 'fs' && executable(d.binary));
  const path =
    described[0]?.binary ?? virtiofsdFallbacks.find(executable) ?? findExecutable('virtiofsd', options);
  if (!path) {
    return {
      available: false,
      reason:
        'virtiofsd not found: no vhost-user descriptor of type "fs" and none in /usr/libexec, /usr/lib/qemu or on PATH (Debian: qemu-system-common or virtiofsd)',
    };
  }
  const run = options.runner ?? runCommand;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const [version, help] = [
    await run(path, ['--version'], { timeoutMs }),
    await run(path, ['--help'], { timeoutMs }),
  ];
  if (version.exitCode !== 0)
    return { available: false, reason: describeFailure(`${path} --version`, version, timeoutMs) };
  const usage = help.stdout + help.stderr;
  const flavour = usage.includes('--shared-dir') ? 'rust' : usage.includes('source=') ? 'qemu' : undefined;
  if (!flavour)
    return {
      available: false,
      reason: `${path} --help names neither --shared-dir nor -o source=; is it virtiofsd?`,
    };
  const uid = options.uid ?? process.getuid?.();
  if (flavour === 'qemu' && uid !== 0) {
    return {
      available: false,
      reason: `${path} is QEMU's C virtiofsd, which must run as root (it sandboxes itself in namespaces); install the Rust virtiofsd or run as root`,
    };
  }
  return {
    available: true,
    path,
    flavour,
    version: (version.stdout.trim() || version.stderr.trim()).split('\n')[0] ?? '',
    readOnlyOption: usage.includes('--readonly'),
    descriptor: described[0]?.path,
  };
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
