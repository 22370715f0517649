import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type WriteIsoResult, writeIso } from '@winguest/cidata-iso';
import { CliError } from '../errors';
import type { PreparedBuild } from './prepare-build';

/**
 * Writes the planned cidata ISO (deterministic: SOURCE_DATE_EPOCH or a fixed date), streaming the
 * staged drivers and the guest agent MSI from the driver media, which it closes.
 */
export async function writeCidataIso(prepared: PreparedBuild, destination: string): Promise<WriteIsoResult> {
  const layout = prepared.plan.layout;
  try {
    await mkdir(dirname(destination), { recursive: true });
    return await writeIso(layout, destination, { overwrite: true });
  } catch (error) {
    throw new CliError('cidata-write', `Could not write ${destination}: ${(error as Error).message}`, {
      hint: 'check that the output folder is writable and the disk has space',
      cause: error,
    });
  } finally {
    await prepared.drivers?.close();
  }
}
