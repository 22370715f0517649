import { type InstanceRef, openInstance } from './instance';
import { type UpResult, type UpRunOptions, up } from './up';

/**
 * Boots an existing instance with its stored config: an installed one from its disk without
 * install media, an unfinished install from its media again. Returns once SSH works.
 * @throws VmError `instance-not-found`, and everything `up` throws.
 */
export function start(ref: InstanceRef, run: UpRunOptions = {}): Promise<UpResult> {
  openInstance(ref);
  return up({ name: ref.name, home: ref.home }, run);
}
