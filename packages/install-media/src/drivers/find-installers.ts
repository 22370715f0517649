import type { MissingDriver } from '../errors';
import type { MediaFileSystem } from '../file-system';
import { checksummedMediaFile } from './media-file';
import type { DriverRequest } from './select-drivers';
import { type DriverArch, guestAgentMsiPaths, guestToolsMsiPaths } from './virtio-win-layout';

/** What to do when an installer MSI is missing. */
export const msiFix = (arch: DriverArch) =>
  arch === 'arm64'
    ? 'virtio-win ships its installers for x86 and x64 only: turn them off for arm64 guests.'
    : 'Use the full virtio-win ISO, which carries its installers (not a drivers-only copy).';

/** The agent and tools MSIs asked for, checksummed; the ones the media lacks in `missing`. */
export async function findInstallers(fs: MediaFileSystem, request: DriverRequest) {
  const missing: MissingDriver[] = [];
  const find = async (
    wanted: boolean | undefined,
    paths: Record<DriverArch, string | undefined>,
    what: string,
  ) => {
    const path = paths[request.arch];
    if (!wanted) return undefined;
    if (path && (await fs.openFile(path))) return checksummedMediaFile(fs, path);
    missing.push({ path: path ?? `${what} MSI for ${request.arch}`, neededFor: what });
    return undefined;
  };
  const guestAgent = await find(request.guestAgent, guestAgentMsiPaths, 'guest agent');
  const guestTools = await find(request.guestTools, guestToolsMsiPaths, 'guest tools');
  return { guestAgent, guestTools, missing };
}
