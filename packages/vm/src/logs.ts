import { existsSync } from 'node:fs';
import { type InstanceRef, openInstance } from './instance';
import { listScreenshots } from './screenshots';

/** The log files of an instance that exist (paths), for `winguest logs`. */
export interface InstanceLogs {
  /** Serial console of the current (or last) boot: firmware lines and `WINGUEST …` progress. */
  serial?: string;
  /** Serial console of the boot before. */
  previousSerial?: string;
  /** QEMU's stderr. */
  qemu?: string;
  /** swtpm's log. */
  swtpm?: string;
  /** Screenshots, oldest first. */
  screenshots: string[];
}

/** Where an instance's logs are. The guest's provisioning log is inside the guest (read it over SSH). */
export function instanceLogs(ref: InstanceRef): InstanceLogs {
  const { paths } = openInstance(ref);
  const present = (path: string) => (existsSync(path) ? path : undefined);
  return {
    serial: present(paths.serialLog),
    previousSerial: present(paths.previousSerialLog),
    qemu: present(paths.qemuLog),
    swtpm: present(paths.tpmLog),
    screenshots: listScreenshots(paths.screenshots),
  };
}
