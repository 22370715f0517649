import { type ByteSource, openFileSource } from './byte-source';
import { NotInstallMediaError } from './errors';
import type { MediaFileSystem } from './file-system';
import { openMediaFileSystem } from './open-media-file-system';
import { readWimInfo, type WimImage, type WindowsArch } from './wim/wim-info';

/** What a Windows install image holds, read without touching the images' data. */
export interface InstallMedia {
  /** Volume label, e.g. `CCCOMA_X64FRE_EN-US_DV9`. */
  label: string;
  /** The file system that was read. */
  fileSystem: MediaFileSystem['kind'];
  /** UDF revision (`1.02`, `2.50`, …) when the image is UDF. */
  udfRevision: string | undefined;
  /** Path of the install image on the media, e.g. `sources/install.wim`. */
  installImage: string;
  /** `wim`, `esd` (solid, LZMS) or `swm` (first part of a split WIM). */
  format: 'wim' | 'esd' | 'swm';
  /** Number of parts of a split WIM (1 otherwise). */
  parts: number;
  /** The architecture all images share; `mixed` when they differ; undefined when none says. */
  arch: WindowsArch | 'mixed' | undefined;
  /** The images (editions), by index. */
  images: WimImage[];
  /** Every UI language of any image, in order of first appearance. */
  languages: string[];
  /** Whether `efi/microsoft/boot/efisys_noprompt.bin` exists (boot without "Press any key"). */
  noPromptBootImage: boolean;
}

const candidates = ['install.wim', 'install.esd', 'install.swm'] as const;

/**
 * Reads a Windows install ISO: volume label, edition list, architecture, build and languages.
 * Takes a path (opened read-only and closed again) or any {@link ByteSource}; reads only the file
 * system structures, the WIM header and its XML metadata.
 */
export async function inspectInstallMedia(image: string | ByteSource): Promise<InstallMedia> {
  if (typeof image !== 'string') return inspect(image);
  const source = await openFileSource(image);
  try {
    return await inspect(source);
  } finally {
    await source.close();
  }
}

async function inspect(image: ByteSource): Promise<InstallMedia> {
  const fs = await openMediaFileSystem(image);
  for (const name of candidates) {
    const path = `sources/${name}`;
    const wim = await fs.openFile(path);
    if (!wim) continue;
    const { header, images } = await readWimInfo(wim, path);
    return {
      label: fs.label,
      fileSystem: fs.kind,
      udfRevision: fs.revision,
      installImage: path,
      format: name.endsWith('.wim') ? 'wim' : name.endsWith('.esd') ? 'esd' : 'swm',
      parts: header.totalParts,
      arch: commonArch(images),
      images,
      languages: [...new Set(images.flatMap((i) => i.languages))],
      noPromptBootImage: (await fs.openFile('efi/microsoft/boot/efisys_noprompt.bin')) !== undefined,
    };
  }
  throw new NotInstallMediaError(
    `${JSON.stringify(fs.label)} has no sources/install.wim, install.esd or install.swm; it is not Windows install media (a boot-only or driver ISO?).`,
  );
}

function commonArch(images: readonly WimImage[]): InstallMedia['arch'] {
  const arches = new Set(images.map((i) => i.arch).filter((a) => a !== undefined));
  if (arches.size > 1) return 'mixed';
  return [...arches][0];
}
