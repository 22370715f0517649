import { readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** Options of the descriptor directory lookups. */
export interface DescriptorDirOptions {
  /** Environment (`HOME`, `XDG_CONFIG_HOME`, `QEMU_FIRMWARE_PATH`). Default `process.env`. */
  env?: Record<string, string | undefined>;
  /** The QEMU binary; `<prefix>/share/qemu/<kind>` next to it is searched (Homebrew, MacPorts, Windows). */
  qemuPath?: string;
}

/**
 * The directories QEMU documents for its interop descriptors of one kind (`firmware`,
 * `vhost-user`), highest priority first: `first` (e.g. `QEMU_FIRMWARE_PATH`), the user's
 * `$XDG_CONFIG_HOME/qemu/<kind>`, `/etc/qemu/<kind>`, `/usr/share/qemu/<kind>`, the share
 * directory next to the QEMU binary, then Homebrew's and MacPorts'.
 */
export function qemuDescriptorDirs(
  kind: 'firmware' | 'vhost-user',
  options: DescriptorDirOptions = {},
  first: readonly string[] = [],
): string[] {
  const env = options.env ?? process.env;
  const config = env.XDG_CONFIG_HOME ?? join(env.HOME ?? homedir(), '.config');
  const nextToBinary = options.qemuPath
    ? [
        join(dirname(dirname(options.qemuPath)), 'share', 'qemu', kind),
        join(dirname(options.qemuPath), 'share', kind),
      ]
    : [];
  const dirs = [
    ...first.filter(Boolean),
    join(config, 'qemu', kind),
    `/etc/qemu/${kind}`,
    `/usr/share/qemu/${kind}`,
    ...nextToBinary,
    `/opt/homebrew/share/qemu/${kind}`,
    `/usr/local/share/qemu/${kind}`,
    `/opt/local/share/qemu/${kind}`,
  ];
  return [...new Set(dirs)];
}

/**
 * The `*.json` files in `dirs`, sorted by file name; as in QEMU and libvirt, a name in an earlier
 * directory hides the same name in later ones (how a user overrides or masks a system descriptor).
 */
export function descriptorFiles(dirs: readonly string[]): string[] {
  const byName = new Map<string, string>();
  for (const dir of dirs) {
    for (const name of listJson(dir)) if (!byName.has(name)) byName.set(name, join(dir, name));
  }
  return [...byName.keys()].sort().map((name) => byName.get(name) as string);
}

function listJson(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
}
