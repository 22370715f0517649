import { chmodSync, copyFileSync, existsSync } from 'node:fs';
import { VmError } from './errors';
import { type ImageMetadata, readImageMetadata } from './image-metadata';
import { type ImagePaths, imagePaths } from './image-paths';
import type { InstancePaths } from './instance-paths';
import { transition } from './instance-state';
import type { BootMode } from './progress-tracker';
import { runQemuImg } from './qemu-img';
import type { InstanceConfig, UpOptions } from './up-options';
import { varsFile, writeQcow2Vars } from './vars-store';

/** A stored image an instance is being cloned from. */
export interface CloneSource {
  paths: ImagePaths;
  metadata: ImageMetadata;
}

/**
 * The image a new instance clones (`options.image`), or undefined when none is asked for or the
 * instance exists already (it then boots its own disk).
 * @throws VmError `image-not-found`; `invalid-options` when the existing instance was not made
 *   from that image.
 */
export function cloneSource(
  options: Pick<UpOptions, 'name' | 'image'>,
  stored: InstanceConfig | undefined,
  home: string,
): CloneSource | undefined {
  if (!options.image) return undefined;
  if (stored) {
    if (stored.image === options.image) return undefined;
    throw new VmError(
      'invalid-options',
      `image: instance "${options.name}" exists and was not cloned from "${options.image}"; remove it or pick another name.`,
    );
  }
  const paths = imagePaths(options.image, home);
  return { paths, metadata: readImageMetadata(paths.metadata, options.image) };
}

/**
 * How a clone's first boot runs: a generalized image runs specialize and OOBE with a new cidata
 * answer file (like the end of an install, without Setup); any other boots as installed.
 */
export function cloneBootMode(source: CloneSource): BootMode {
  return source.metadata.generalized ? 'install' : 'installed';
}

/** A new clone's config: the image's devices, firmware and login win; no Windows ISO is attached. */
export function cloneConfig(config: InstanceConfig, source: CloneSource): InstanceConfig {
  return { ...config, ...source.metadata.boot, media: { ...config.media, windows: undefined } };
}

/**
 * The clone's disk, a qcow2 overlay whose backing file is the image (`qemu-img create -b … -F
 * qcow2`; QEMU opens the backing file read-only), and its own qcow2 copy of the image's UEFI vars. The
 * TPM state starts empty: a clone never shares sealed secrets with its source.
 */
export async function createCloneDisk(
  paths: InstancePaths,
  source: CloneSource,
  qemuImg: string,
): Promise<void> {
  await runQemuImg(
    qemuImg,
    ['create', '-q', '-f', 'qcow2', '-b', source.paths.disk, '-F', 'qcow2', paths.disk],
    `create an overlay on ${source.paths.disk}`,
  );
  const vars = varsFile(source.paths);
  if (source.metadata.hasVars && existsSync(vars.path)) await writeQcow2Vars(qemuImg, vars, paths.vars);
}

/**
 * A clone of a non-generalized image keeps its source's authorized key, so it gets the source's
 * SSH key pair (before the instance files are made, which then keep it). A generalized image's
 * clone gets a new pair; its new cidata authorizes it.
 */
export function copyCloneSshKey(paths: InstancePaths, source: CloneSource): void {
  if (source.metadata.generalized) return;
  copyFileSync(source.paths.sshKey, paths.sshKey);
  copyFileSync(source.paths.sshPublicKey, paths.sshPublicKey);
  chmodSync(paths.sshKey, 0o600);
}

/** Records a clone of a non-generalized image as installed, so every boot is a normal boot. */
export function markCloneInstalled(paths: InstancePaths, source: CloneSource): void {
  if (!source.metadata.generalized)
    transition(paths.state, 'stopped', { installedAt: new Date().toISOString() });
}
