import type { CpioEntry } from './cpio.ts';
import type { ModuleLoad } from './kernel-modules.ts';

/** A regular file for the initramfs: relative path, permission bits, contents. */
export interface InitramfsFile {
  path: string;
  mode: number;
  data: Uint8Array;
}

/** Everything the guest's initramfs holds. */
export interface InitramfsInput {
  /** The guest's own files (`init`, `etc/…`), from the package's `guest/rootfs`. */
  rootfs: readonly InitramfsFile[];
  /** Binaries, shared libraries and kernel modules taken from the Debian packages. */
  files: readonly InitramfsFile[];
  /** Kernel release, e.g. `6.1.0-56-amd64`; modules live under `lib/modules/<release>/`. */
  kernelVersion: string;
  /** Modules for `/init` to insmod, in order. */
  moduleLoads: readonly ModuleLoad[];
}

/** Directories `/init` and busybox's `--install -s` expect before anything is mounted. */
const baseDirectories = [
  'bin',
  'dev',
  'media',
  'proc',
  'root',
  'run',
  'sbin',
  'sys',
  'tmp',
  'usr/bin',
  'usr/sbin',
];

/**
 * Lays out the initramfs: every parent directory first (sorted), then `dev/console` (the kernel
 * opens it before `/init` runs), then the files sorted by path, plus `etc/winguest/modules`, the
 * load list `/init` reads (`<path under lib/modules/<release>> [parameters]` per line).
 */
export function initramfsEntries(input: InitramfsInput): CpioEntry[] {
  const moduleList = input.moduleLoads.map((load) => `${load.path} ${load.parameters}`.trim()).join('\n');
  const files: InitramfsFile[] = [
    ...input.rootfs,
    ...input.files,
    { path: 'etc/winguest/modules', mode: 0o644, data: Buffer.from(`${moduleList}\n`) },
  ].sort((a, b) => compare(a.path, b.path));
  const directories = new Set(baseDirectories);
  for (const file of files) {
    for (let dir = parentOf(file.path); dir !== ''; dir = parentOf(dir)) directories.add(dir);
  }
  return [
    ...[...directories].sort(compare).map((path): CpioEntry => ({ kind: 'dir', path, mode: 0o755 })),
    { kind: 'char', path: 'dev/console', mode: 0o600, major: 5, minor: 1 },
    ...files.map((file): CpioEntry => ({ kind: 'file', ...file })),
  ];
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
