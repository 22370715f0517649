import { join } from 'node:path';
import { defaultHome } from './state-dir';

/** Every file of one stored image (see the README's layout). */
export interface ImagePaths {
  /** The image directory, `<home>/images/<name>` (0700: it holds a private key). */
  dir: string;
  /** The compacted system disk (qcow2, read-only 0444); clones use it as their backing file. */
  disk: string;
  /** The UEFI variables of the source instance, qcow2 (absent for BIOS); each clone gets a copy. */
  vars: string;
  /** The raw vars of an image stored before vars were kept in qcow2 (used when present). */
  rawVars: string;
  /** What the image is and how to boot it (`imageMetadataSchema`), JSON. */
  metadata: string;
  /** The source instance's SSH key pair: a clone of a non-generalized image logs in with it. */
  sshKey: string;
  sshPublicKey: string;
  /** Lock file beside the directory, so it also guards creation and removal. */
  lock: string;
}

/** The directory holding every image under `home`. */
export function imagesDir(home: string = defaultHome()): string {
  return join(home, 'images');
}

/** The paths of image `name` under `home` (default {@link defaultHome}). Creates nothing. */
export function imagePaths(name: string, home: string = defaultHome()): ImagePaths {
  const dir = join(imagesDir(home), name);
  return {
    dir,
    disk: join(dir, 'image.qcow2'),
    vars: join(dir, 'vars.qcow2'),
    rawVars: join(dir, 'vars.fd'),
    metadata: join(dir, 'image.json'),
    sshKey: join(dir, 'id_ed25519'),
    sshPublicKey: join(dir, 'id_ed25519.pub'),
    lock: join(imagesDir(home), `${name}.lock`),
  };
}
