import { readFileSync } from 'node:fs';
import { type DescriptorDirOptions, descriptorFiles, qemuDescriptorDirs } from './descriptor-dirs';

/** One vhost-user backend descriptor (QEMU's `docs/interop/vhost-user.json`), reduced to what we use. */
export interface VhostUserDescriptor {
  /** The descriptor file. */
  path: string;
  /** Backend type: `fs`, `gpu`, `input`, `block`, … */
  type: string;
  /** The backend program. */
  binary: string;
  description: string;
}

/**
 * The vhost-user descriptors of the host (`share/qemu/vhost-user/*.json` in QEMU's data and config
 * directories), in priority order; unreadable or malformed files are skipped.
 */
export function readVhostUserDescriptors(options: DescriptorDirOptions & { dirs?: readonly string[] } = {}) {
  const dirs = options.dirs ?? qemuDescriptorDirs('vhost-user', options);
  return descriptorFiles(dirs).flatMap((path): VhostUserDescriptor[] => {
    try {
      const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      if (typeof json.type !== 'string' || typeof json.binary !== 'string') return [];
      return [{ path, type: json.type, binary: json.binary, description: String(json.description ?? '') }];
    } catch {
      return [];
    }
  });
}
