import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { WriteIsoResult } from '@winguest/cidata-iso';
import { CliError } from '../errors';
import { stageNetkvmArm64 } from './arm64-netkvm';
import type { PreparedBuild } from './prepare-build';

/**
 * Writes the planned cidata ISO (deterministic: SOURCE_DATE_EPOCH or a fixed date). For an arm64
 * guest with `media.drivers`, NetKVM from the driver ISO goes into `$WinPEDriver$` (arm64 Windows
 * has no in-box NIC driver): the media are planned again with those files.
 */
export async function writeCidataIso(
  prepared: PreparedBuild,
  destination: string,
  cwd: string,
): Promise<WriteIsoResult> {
  const [{ writeIso }, { planMedia }] = await Promise.all([
    import('@winguest/cidata-iso'),
    import('@winguest/guest'),
  ]);
  const drivers = prepared.config.media.drivers;
  const netkvm =
    prepared.arch === 'arm64' && drivers
      ? await stageNetkvmArm64(resolve(cwd, drivers), prepared.config.family)
      : undefined;
  const layout = netkvm
    ? planMedia(prepared.config, { ...prepared.facts, driverFiles: netkvm.driverFiles }).layout
    : prepared.plan.layout;
  try {
    await mkdir(dirname(destination), { recursive: true });
    return await writeIso(layout, destination, { overwrite: true });
  } catch (error) {
    throw new CliError('cidata-write', `Could not write ${destination}: ${(error as Error).message}`, {
      hint: 'check that the output folder is writable and the disk has space',
      cause: error,
    });
  } finally {
    await netkvm?.close();
  }
}
