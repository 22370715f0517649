import { readConfig } from './create-instance';
import { VmError } from './errors';
import { instanceNameSchema } from './instance-name';
import { type InstancePaths, instancePaths } from './instance-paths';
import { type InstanceStateRecord, readState } from './instance-state';
import { defaultHome } from './state-dir';
import type { InstanceConfig } from './up-options';

/** Names an existing instance. */
export interface InstanceRef {
  /** Instance name. */
  name: string;
  /** Directory holding all instances. Default: `WINGUEST_HOME`, else the platform's state dir. */
  home?: string;
}

/** An existing instance's files, config snapshot and state. */
export interface OpenedInstance {
  paths: InstancePaths;
  config: InstanceConfig;
  state: InstanceStateRecord;
}

/** Opens an existing instance. @throws VmError `instance-not-found` (or `invalid-options` for a bad name). */
export function openInstance(ref: InstanceRef): OpenedInstance {
  const name = instanceNameSchema.safeParse(ref.name);
  if (!name.success) {
    throw new VmError(
      'invalid-options',
      `name: ${JSON.stringify(ref.name)} ${name.error.issues[0]?.message}`,
    );
  }
  const home = ref.home ?? defaultHome();
  const paths = instancePaths(ref.name, home);
  const config = readConfig(paths);
  const state = readState(paths.state);
  if (!config || !state) {
    throw new VmError('instance-not-found', `No instance "${ref.name}" in ${home}; create it with up.`);
  }
  return { paths, config, state };
}
