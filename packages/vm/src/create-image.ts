import { chmodSync, copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { writeFileAtomic } from './_files';
import { VmError } from './errors';
import { eventEmitter, type VmEventListener } from './events';
import { haltInstance } from './halt';
import { type ImageMetadata, type imageGuestSchema, imageMetadataSchema } from './image-metadata';
import { imagePaths, imagesDir } from './image-paths';
import { openInstance } from './instance';
import { instanceNameSchema } from './instance-name';
import { transition } from './instance-state';
import { acquireLock } from './lock';
import { runningPid } from './processes';
import { findQemuImg, runQemuImg } from './qemu-img';
import { defaultHome } from './state-dir';
import { stop } from './stop';
import { generalizeGuest } from './sysprep';
import { varsFile, writeQcow2Vars } from './vars-store';

/** Options of {@link createImage}. */
export interface CreateImageOptions {
  /** The new image's name. */
  name: string;
  /** The installed instance to make it from; it is stopped (cleanly) first. */
  from: string;
  /** Directory holding instances and images. Default: `WINGUEST_HOME`, else the platform's state dir. */
  home?: string;
  /**
   * Run sysprep in the (running) guest first with `answerFile`, so every clone gets its own SID,
   * computer name and password. The source instance is generalized too.
   */
  generalize?: { answerFile: string; timeoutMs?: number };
  /** Family, users and provisioning of the guest, stored for `inspectImage`. */
  guest?: z.input<typeof imageGuestSchema>;
  onEvent?: VmEventListener;
}

/**
 * Stores an installed instance as an image: stops it (after sysprep when `generalize`), compacts
 * its disk into a read-only qcow2 (`qemu-img convert`, flattening any backing chain), copies the
 * UEFI vars (as qcow2) and writes `image.json`. Atomic: everything is written to a staging directory that is
 * renamed into place, under the image lock and the instance lock.
 * @throws VmError `image-exists`, `instance-not-found`, `not-installed`, `not-running` (generalize
 *   needs the guest running), `instance-locked`, `command-failed`, `ssh-failed`, `stage-timeout`.
 */
export async function createImage(options: CreateImageOptions): Promise<ImageMetadata> {
  const emit = eventEmitter(options.onEvent, Date.now());
  const home = options.home ?? defaultHome();
  const name = checkedName(options.name);
  const { paths, config, state } = openInstance({ name: options.from, home });
  if (!state.installedAt) {
    throw new VmError(
      'not-installed',
      `Instance "${config.name}" has not finished installing; run up until it is ready.`,
    );
  }
  const target = imagePaths(name, home);
  mkdirSync(imagesDir(home), { recursive: true, mode: 0o700 });
  const imageLock = acquireLock(target.lock, name, `Image "${name}"`);
  try {
    if (existsSync(target.dir))
      throw new VmError('image-exists', `Image "${name}" exists; remove it first or pick another name.`);
    const running = runningPid(paths.qemuPid) !== undefined;
    if (options.generalize) {
      if (!running) {
        throw new VmError(
          'not-running',
          `Generalizing runs sysprep inside "${config.name}"; start it first.`,
        );
      }
      const lock = acquireLock(paths.lock, config.name);
      try {
        const timeoutMs = options.generalize.timeoutMs ?? 30 * 60_000;
        await generalizeGuest({ paths, config, answerFile: options.generalize.answerFile, timeoutMs, emit });
        await haltInstance(paths);
        transition(paths.state, 'stopped');
      } finally {
        lock.release();
      }
    } else if (running) {
      await stop({ name: config.name, home, onEvent: options.onEvent });
    }
    const lock = acquireLock(paths.lock, config.name);
    const qemuImg = findQemuImg();
    try {
      const metadata = await writeStaged(target.dir, async (staging) => {
        const disk = join(staging, 'image.qcow2');
        // convert writes only the clusters in use and flattens a clone's backing chain.
        await runQemuImg(
          qemuImg,
          ['convert', '-q', '-O', 'qcow2', paths.disk, disk],
          `convert ${paths.disk}`,
        );
        chmodSync(disk, 0o444);
        copyFileSync(paths.sshKey, join(staging, 'id_ed25519'));
        copyFileSync(paths.sshPublicKey, join(staging, 'id_ed25519.pub'));
        const vars = varsFile(paths);
        const hasVars = existsSync(vars.path);
        if (hasVars) await writeQcow2Vars(qemuImg, vars, join(staging, 'vars.qcow2'), 0o444);
        const metadata = imageMetadataSchema.parse({
          version: 1,
          name,
          createdAt: new Date().toISOString(),
          source: { instance: config.name, installedAt: state.installedAt },
          generalized: !!options.generalize,
          boot: config,
          guest: options.guest ?? {},
          diskBytes: statSync(disk).size,
          hasVars,
        });
        writeFileAtomic(join(staging, 'image.json'), `${JSON.stringify(metadata, null, 2)}\n`, 0o444);
        return metadata;
      });
      emit({ type: 'action', action: 'image-stored', message: `stored image ${name} in ${target.dir}` });
      return metadata;
    } finally {
      lock.release();
    }
  } finally {
    imageLock.release();
  }
}

function checkedName(name: string): string {
  const parsed = instanceNameSchema.safeParse(name);
  if (!parsed.success) {
    throw new VmError(
      'invalid-options',
      `image name: ${JSON.stringify(name)} ${parsed.error.issues[0]?.message}`,
    );
  }
  return parsed.data;
}

/** Fills a staging directory beside `dir` and renames it to `dir`; removes it on failure. */
async function writeStaged<T>(dir: string, fill: (staging: string) => Promise<T>): Promise<T> {
  const staging = `${dir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { mode: 0o700 });
  try {
    const result = await fill(staging);
    renameSync(staging, dir);
    return result;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}
