import type { IsoEntry, IsoLayout, IsoSource } from './layout';

/** Name Windows Setup looks for at the root of every removable and CD/DVD drive. */
export const answerFileName = 'autounattend.xml';

/** Folder at the root of any attached media whose drivers Setup loads in windowsPE, without drive letters. */
export const driverFolderName = '$WinPEDriver$';

/** Default folder for provisioning files. */
export const defaultProvisioningFolder = 'winguest';

/** Default marker file (inside the provisioning folder) a guest script probes for on every drive letter. */
export const defaultMarker = { name: 'winguest.marker', content: 'winguest provisioning media\n' } as const;

/** What goes on the provisioning media. */
export interface CidataLayoutInput {
  /** The answer file's bytes: text, a Uint8Array, `{ path }` of a file on disk, or `{ size, open }`. */
  answerFile: IsoSource;
  /** Files for the provisioning folder, by path relative to it (`first-logon.ps1`, `keys/a.pub`). */
  files?: Readonly<Record<string, IsoSource>>;
  /** Driver trees: folder name under `$WinPEDriver$/` → host directory copied recursively. */
  drivers?: Readonly<Record<string, string>>;
  /**
   * Single driver files by path below `$WinPEDriver$/` (`viostor/viostor.inf`), e.g. staged from a
   * driver ISO without extracting it: pass `{ size, open }` stream sources.
   */
  driverFiles?: Readonly<Record<string, IsoSource>>;
  /** Name of the provisioning folder at the root. Default `winguest`. */
  folder?: string;
  /**
   * A marker file in the provisioning folder, so a script in the guest finds this media by testing
   * `<drive>:\<folder>\<marker name>` on each drive letter. Default `winguest.marker` with a fixed
   * line of text; `false` leaves it out.
   */
  marker?: { name?: string; content?: IsoSource } | false;
}

/**
 * The entries of the media Windows Setup reads: `autounattend.xml` at the root, provisioning files
 * (and the marker) under one folder, driver trees and files under `$WinPEDriver$/`. Pure: nothing is read or
 * checked here; `writeIso` checks names and reads sources.
 */
export function cidataLayout(input: CidataLayoutInput): IsoLayout {
  const folder = input.folder ?? defaultProvisioningFolder;
  const entries: IsoEntry[] = [{ type: 'file', path: answerFileName, source: input.answerFile }];
  const files = Object.entries(input.files ?? {});
  if (input.marker !== false) {
    const marker = { ...defaultMarker, ...input.marker };
    files.push([marker.name, marker.content]);
  }
  if (files.length > 0) entries.push({ type: 'directory', path: folder });
  for (const [path, source] of files) entries.push({ type: 'file', path: `${folder}/${path}`, source });
  for (const [name, from] of Object.entries(input.drivers ?? {})) {
    entries.push({ type: 'tree', path: `${driverFolderName}/${name}`, from });
  }
  for (const [path, source] of Object.entries(input.driverFiles ?? {})) {
    entries.push({ type: 'file', path: `${driverFolderName}/${path}`, source });
  }
  return entries;
}
