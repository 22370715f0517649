import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { WriteIsoResult } from '@winguest/cidata-iso';
import { CliError } from '../errors';
import { stageNetkvmArm64 } from './arm64-netkvm';
import { opensshMsiName, provisionScriptName } from './guest-plan';
import type { PreparedBuild } from './prepare-build';

/**
 * Writes the cidata ISO: autounattend.xml at the root; under winguest/ the provisioning script, the
 * authorised public keys (`authorized_keys`, for guests that read them directly), the OpenSSH MSI
 * and the marker. Deterministic (SOURCE_DATE_EPOCH or a fixed date).
 */
export async function writeCidataIso(
  prepared: PreparedBuild,
  destination: string,
  cwd: string,
): Promise<WriteIsoResult> {
  const { cidataLayout, writeIso } = await import('@winguest/cidata-iso');
  const msi = prepared.config.media.opensshMsi;
  const drivers = prepared.config.media.drivers;
  // arm64 Windows has no in-box NIC driver: NetKVM from the driver ISO goes into $WinPEDriver$.
  const netkvm =
    prepared.arch === 'arm64' && drivers
      ? await stageNetkvmArm64(resolve(cwd, drivers), prepared.config.family)
      : undefined;
  const layout = cidataLayout({
    answerFile: prepared.answerXml,
    files: {
      [provisionScriptName]: prepared.provisionScript,
      ...(prepared.authorizedKeys.length
        ? { authorized_keys: `${prepared.authorizedKeys.join('\n')}\n` }
        : {}),
      ...(msi ? { [opensshMsiName]: { path: resolve(cwd, msi) } } : {}),
    },
    ...(netkvm ? { driverFiles: netkvm.driverFiles } : {}),
  });
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
