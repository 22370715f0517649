import { type FindExecutableOptions, findExecutable } from '@winguest/shell';

/** Directories package managers install QEMU and swtpm to that may be missing from `PATH`. */
function wellKnownBinDirs(platform: NodeJS.Platform): string[] {
  if (platform === 'darwin') return ['/opt/homebrew/bin', '/usr/local/bin', '/opt/local/bin'];
  if (platform === 'win32') return ['C:\\Program Files\\qemu'];
  return ['/usr/bin', '/usr/local/bin'];
}

/** `options` with the well-known QEMU/swtpm directories searched after `PATH`. Internal. */
export function withBinDirs(options: FindExecutableOptions): FindExecutableOptions {
  const platform = options.platform ?? process.platform;
  return { ...options, extraDirs: [...(options.extraDirs ?? []), ...wellKnownBinDirs(platform)] };
}

/**
 * `qemu-img`, looked for on `PATH` and then where package managers install QEMU (Homebrew, MacPorts,
 * `C:\\Program Files\\qemu`), as the host probe finds it; undefined when it is nowhere.
 */
export function probeQemuImg(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return findExecutable('qemu-img', withBinDirs({ env }));
}
