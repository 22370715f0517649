import * as z from 'zod';
import { VmError } from './errors';

/** A snapshot name: also a word in QEMU's monitor commands, so no spaces or quotes. */
export const snapshotNameSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,62}$/i,
    'must be 1-63 letters, digits, ".", "_" or "-", starting with a letter or digit',
  );

/** @throws VmError `invalid-options` naming the bad snapshot name. */
export function checkedSnapshotName(name: string): string {
  const parsed = snapshotNameSchema.safeParse(name);
  if (!parsed.success) {
    throw new VmError(
      'invalid-options',
      `snapshot name: ${JSON.stringify(name)} ${parsed.error.issues[0]?.message}`,
    );
  }
  return parsed.data;
}
