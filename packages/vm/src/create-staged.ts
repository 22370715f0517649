import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { tempPathFor } from '@winguest/shell';
import { type CloneSource, copyCloneSshKey, createCloneDisk, markCloneInstalled } from './clone';
import { createInstanceFiles } from './create-instance';
import { VmError } from './errors';
import type { VmHost } from './host-probe';
import { type InstancePaths, instancePathsIn } from './instance-paths';
import { readState, transition } from './instance-state';
import { runningPid } from './processes';
import type { BootMode } from './progress-tracker';
import { readPublicKey } from './ssh-keys';
import type { UpRunOptions } from './up';
import type { InstanceConfig } from './up-options';

/** What creating or refreshing an instance's files needs. */
export interface InstanceSetup {
  paths: InstancePaths;
  config: InstanceConfig;
  host: VmHost;
  mode: BootMode;
  run: UpRunOptions;
  /** The image a new instance is cloned from (`up({ image })`). */
  image?: CloneSource;
}

/**
 * Creates a new instance in one step: its config, key pair, disk, firmware vars, install media and
 * state are made in a staging folder beside it (`.<name>.<pid>.<random>.tmp`), which is renamed
 * into place only when all of them succeeded. A failure (qemu-img, a bad answer file, Ctrl-C)
 * leaves no instance, so the corrected `up` starts afresh; `up` removes staging folders of
 * killed runs.
 * @throws VmError `instance-locked` when another command created the instance meanwhile.
 */
export async function createInstanceStaged({
  paths,
  config,
  host,
  mode,
  run,
  image,
}: InstanceSetup): Promise<void> {
  mkdirSync(dirname(paths.dir), { recursive: true, mode: 0o700 });
  const stage = tempPathFor(paths.dir);
  const staged = instancePathsIn(stage);
  try {
    if (image) {
      mkdirSync(stage, { mode: 0o700 });
      await createCloneDisk(staged, image, host.qemuImg);
      copyCloneSshKey(staged, image);
    }
    await createInstanceFiles(staged, config, host);
    if (image) markCloneInstalled(staged, image);
    if (mode === 'install') await provideInstallMedia(staged, config, run, true);
    renameSync(stage, paths.dir);
  } catch (error) {
    rmSync(stage, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST')
      throw new VmError(
        'instance-locked',
        `Instance "${config.name}" was created meanwhile by another command.`,
      );
    throw error;
  }
}

/**
 * The cidata media of an install (written by `run.writeCidata`, or copied from `media.cidata`),
 * then state `installing`.
 */
export async function provideInstallMedia(
  paths: InstancePaths,
  config: InstanceConfig,
  run: UpRunOptions,
  isNew: boolean,
): Promise<void> {
  if (run.writeCidata && (isNew || !existsSync(paths.cidata))) {
    const sshPublicKey = readPublicKey(paths.sshPublicKey);
    await run.writeCidata({ name: config.name, path: paths.cidata, sshPublicKey });
  } else if (config.media.cidata && resolve(config.media.cidata) !== paths.cidata) {
    copyFileSync(config.media.cidata, paths.cidata);
  }
  transition(paths.state, 'installing');
}

/**
 * Whether the instance folder is the leftover of a creation that never finished (an earlier
 * version wrote the config first and the state last): a folder without a state file whose QEMU
 * is not running. Such a folder is rolled back (removed) before the instance is created again.
 */
export function rollBackUnfinished(paths: InstancePaths): boolean {
  if (!existsSync(paths.dir) || readState(paths.state) || runningPid(paths.qemuPid) !== undefined)
    return false;
  rmSync(paths.dir, { recursive: true, force: true });
  return true;
}
