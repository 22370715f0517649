import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { tempPathFor } from '@winguest/shell';

/** Writes through a temporary file and a rename, so readers never see half a file. */
export function writeFileAtomic(path: string, data: string, mode = 0o600): void {
  const temp = tempPathFor(path);
  try {
    writeFileSync(temp, data, { mode });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
