import { DriverNotFoundError, type MissingDriver } from '../errors';
import type { MediaFileSystem } from '../file-system';
import { findInstallers, msiFix } from './find-installers';
import type { ChecksummedMediaFile } from './media-file';
import { type StagedDriverFile, stageFiles } from './stage-files';
import {
  type DriverArch,
  type DriverStage,
  type VirtioWinDriver,
  virtioWinDrivers,
  virtioWinFolder,
  type WindowsFamily,
} from './virtio-win-layout';
import { isDirectory } from './walk';

export type { StagedDriverFile } from './stage-files';

/** What to pick from driver media. */
export interface DriverRequest {
  family: WindowsFamily;
  arch: DriverArch;
  /** Driver folders the devices cannot work without (`requiredDrivers()`); missing ones are an error. */
  required?: readonly string[];
  /** Also stage the post-install drivers the media has for this release (Balloon, viorng, …). Default true. */
  postInstall?: boolean;
  /** Find the guest-agent MSI (`guest-agent/qemu-ga-x86_64.msi`); missing is an error. Default false. */
  guestAgent?: boolean;
  /** Find the guest-tools MSI (`virtio-win-gt-x64.msi`: every driver and agent); missing is an error. Default false. */
  guestTools?: boolean;
}

/** One driver folder that was picked. */
export interface SelectedDriver {
  /** Folder name under `$WinPEDriver$/` (the driver's virtio-win name, e.g. `NetKVM`). */
  name: string;
  /** Where it came from on the media, e.g. `NetKVM/w11/ARM64`. */
  from: string;
  stage: DriverStage;
}

/** The drivers and MSIs picked from driver media: plain data a cidata layout takes. */
export interface DriverSelection {
  /** `virtio-win` when the media has virtio-win's per-driver folders; `custom` for any other tree. */
  layout: 'virtio-win' | 'custom';
  drivers: SelectedDriver[];
  /** Every file to stage under `$WinPEDriver$/` (debug symbols `.pdb` left out). */
  files: StagedDriverFile[];
  /** Post-install driver folders this media has no build of for the release (e.g. `qemufwcfg/w11/ARM64`). */
  skipped: string[];
  /** The guest-agent MSI with its SHA-256, when asked for. */
  guestAgent?: ChecksummedMediaFile;
  /** The guest-tools MSI (`virtio-win-gt-x64.msi`) with its SHA-256, when asked for. */
  guestTools?: ChecksummedMediaFile;
}

const folderFix =
  'Use a virtio-win ISO (or folder) that has these folders for this Windows release and architecture, or choose in-box devices (disk bus sata or nvme, NIC e1000e on amd64).';
/**
 * Picks the driver folders for one Windows release and architecture from virtio-win media (an ISO
 * or an extracted folder, through {@link MediaFileSystem}) and lists the files to stage under
 * `$WinPEDriver$/<driver>/`, where Setup loads them in windowsPE without drive letters. Any other
 * tree (a user's own drivers) is staged whole under `$WinPEDriver$/<customName>/`.
 * @throws DriverNotFoundError naming every missing folder (e.g. `viostor/2k25/amd64`) at once.
 */
export async function selectDrivers(
  fs: MediaFileSystem,
  request: DriverRequest,
  customName = 'custom',
): Promise<DriverSelection> {
  const virtioWin = await hasVirtioWinLayout(fs);
  const selection = virtioWin ? await fromVirtioWin(fs, request) : await fromCustom(fs, request, customName);
  const installers = await findInstallers(fs, request);
  const missing = [...selection.missing, ...installers.missing];
  if (missing.length > 0) {
    const fixes = [
      selection.missing.length > 0 ? folderFix : '',
      installers.missing.length > 0 ? msiFix(request.arch) : '',
    ];
    throw new DriverNotFoundError(fs.label, missing, fixes.filter(Boolean).join(' '));
  }
  const { guestAgent, guestTools } = installers;
  const { drivers, files, skipped } = selection;
  return { layout: virtioWin ? 'virtio-win' : 'custom', drivers, files, skipped, guestAgent, guestTools };
}

interface Picked {
  drivers: SelectedDriver[];
  files: StagedDriverFile[];
  skipped: string[];
  missing: MissingDriver[];
}

/** virtio-win's release folder names, old and new (`xp`, `w7`, `w8.1`, `w11`, `2k8R2`, `2k25`, …). */
const releaseFolder = /^(xp|w\d+(\.\d)?|2k\d+(r2)?)$/i;

/** virtio-win's layout: a known driver folder holding release folders (not INFs directly). */
async function hasVirtioWinLayout(fs: MediaFileSystem): Promise<boolean> {
  for (const driver of virtioWinDrivers) {
    if (!(await isDirectory(fs, driver.folder))) continue;
    const entries = await fs.readDirectory(driver.folder);
    if (entries.some((e) => e.isDirectory && releaseFolder.test(e.name))) return true;
  }
  return false;
}

async function fromVirtioWin(fs: MediaFileSystem, request: DriverRequest): Promise<Picked> {
  const required = new Set(request.required ?? []);
  const wanted = virtioWinDrivers.filter(
    (d) => required.has(d.folder) || (d.stage === 'post-install' && request.postInstall !== false),
  );
  const picked: Picked = { drivers: [], files: [], skipped: [], missing: [] };
  for (const driver of wanted) {
    const from = virtioWinFolder(driver.folder, request.family, request.arch);
    if (!(await isDirectory(fs, from))) {
      if (required.has(driver.folder)) picked.missing.push({ path: from, neededFor: driver.device });
      else picked.skipped.push(from);
      continue;
    }
    picked.drivers.push({ name: driver.folder, from, stage: driver.stage });
    picked.files.push(...(await stageFiles(fs, from, driver.folder)));
  }
  for (const name of required) {
    if (!virtioWinDrivers.some((d) => d.folder === name)) {
      picked.missing.push({ path: virtioWinFolder(name, request.family, request.arch), neededFor: name });
    }
  }
  return picked;
}

async function fromCustom(fs: MediaFileSystem, request: DriverRequest, name: string): Promise<Picked> {
  const files = await stageFiles(fs, '', name);
  const infs = new Set(files.map((f) => f.target.split('/').pop()?.toLowerCase()));
  const missing = (request.required ?? []).flatMap((folder): MissingDriver[] => {
    const known: VirtioWinDriver | undefined = virtioWinDrivers.find((d) => d.folder === folder);
    const inf = known?.inf ?? `${folder.toLowerCase()}.inf`;
    return infs.has(inf)
      ? []
      : [{ path: `${inf} (anywhere in the folder)`, neededFor: known?.device ?? folder }];
  });
  return { drivers: [{ name, from: fs.label, stage: 'setup' }], files, skipped: [], missing };
}
