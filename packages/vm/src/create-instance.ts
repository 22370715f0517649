import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from './_files';
import type { VmHost } from './host-probe';
import type { InstancePaths } from './instance-paths';
import { transition } from './instance-state';
import { runQemuImg } from './qemu-img';
import { createSshKeyPair } from './ssh-keys';
import type { InstanceConfig } from './up-options';
import { ensureVars } from './vars-store';

/** Reads an instance's config snapshot; undefined when the instance does not exist. */
export function readConfig(paths: InstancePaths): InstanceConfig | undefined {
  try {
    return JSON.parse(readFileSync(paths.config, 'utf8')) as InstanceConfig;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Makes a new instance's files: the directory (0700), config snapshot, state `created`, SSH key
 * pair, qcow2 disk and qcow2 firmware vars store. An existing disk or vars file is never overwritten.
 */
export async function createInstanceFiles(
  paths: InstancePaths,
  config: InstanceConfig,
  host: VmHost,
): Promise<void> {
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  mkdirSync(paths.screenshots, { recursive: true });
  writeFileAtomic(paths.config, `${JSON.stringify(config, null, 2)}\n`);
  if (!existsSync(paths.sshKey))
    createSshKeyPair(paths.sshKey, paths.sshPublicKey, `winguest-${config.name}`);
  if (!existsSync(paths.disk)) {
    await runQemuImg(
      host.qemuImg,
      ['create', '-q', '-f', 'qcow2', paths.disk, config.disk.size],
      `create ${paths.disk}`,
    );
  }
  await ensureVars(paths, host);
  transition(paths.state, 'created');
}
