import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readConfig } from './create-instance';
import { instancePaths } from './instance-paths';
import { type InstanceState, readState } from './instance-state';
import { runningPid } from './processes';
import { defaultHome } from './state-dir';

/** One row of {@link listInstances}. */
export interface InstanceSummary {
  name: string;
  state: InstanceState;
  arch: 'amd64' | 'arm64';
  /** QEMU runs. */
  running: boolean;
  pid?: number;
  ports: { ssh: number; rdp?: number };
  /** Milliseconds since the running boot started. */
  uptimeMs?: number;
  dir: string;
}

/** Every instance under `home`, sorted by name. Directories that are not instances are skipped. */
export function listInstances(options: { home?: string } = {}): InstanceSummary[] {
  const home = options.home ?? defaultHome();
  let names: string[];
  try {
    names = readdirSync(join(home, 'instances')).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const paths = instancePaths(name, home);
    const config = readConfig(paths);
    const record = readState(paths.state);
    if (!config || !record) return [];
    const pid = runningPid(paths.qemuPid);
    const startedAt = record.boot?.startedAt;
    const summary: InstanceSummary = {
      name,
      state: record.state,
      arch: config.arch,
      running: pid !== undefined,
      ports: { ssh: config.ports.ssh, rdp: config.ports.rdp },
      dir: paths.dir,
    };
    if (pid !== undefined) {
      summary.pid = pid;
      if (startedAt) summary.uptimeMs = Date.now() - Date.parse(startedAt);
    }
    return [summary];
  });
}
