import { existsSync, statSync } from 'node:fs';
import type { PreflightIssue } from './errors';
import type { InstancePaths } from './instance-paths';
import { isPortFree } from './ports';
import type { BootMode } from './progress-tracker';
import { sharePreflight } from './share-preflight';
import type { UpOptions } from './up-options';

/** What the boot about to happen needs from the file system and the network. */
export interface PreflightInput {
  options: Pick<UpOptions, 'media' | 'kernel' | 'arch' | 'os' | 'image'> &
    Partial<Pick<UpOptions, 'shares' | 'smbShare'>>;
  mode: BootMode;
  paths: InstancePaths;
  /** Host ports the boot will forward. */
  ports: { path: string; port: number }[];
  /** Whether the caller will write the cidata ISO (`writeCidata`). */
  writesCidata: boolean;
}

/** Checks files, ports and socket paths, returning every problem (never throws). */
export async function preflight(input: PreflightInput): Promise<PreflightIssue[]> {
  const { options, mode, paths } = input;
  const issues: PreflightIssue[] = [];
  const file = (path: string, value: string | undefined, what: string) => {
    if (value === undefined) return;
    if (!existsSync(value) || !statSync(value).isFile()) {
      issues.push({
        code: 'missing-file',
        path,
        message: `${what} "${value}" does not exist or is not a file.`,
      });
    }
  };
  file('kernel.kernel', options.kernel?.kernel, 'The kernel');
  file('kernel.initrd', options.kernel?.initrd, 'The initrd');
  file('media.drivers', options.media.drivers, 'The driver ISO');
  if (mode === 'install') {
    file('media.windows', options.media.windows, 'The Windows ISO');
    file('media.cidata', options.media.cidata, 'The cidata ISO');
    if (!options.media.windows && !options.kernel && !options.image) {
      issues.push({
        code: 'invalid-option',
        path: 'media.windows',
        message: 'an install needs the Windows ISO.',
      });
    }
    const cidata = options.media.cidata || input.writesCidata || existsSync(paths.cidata);
    if (!cidata) {
      issues.push({
        code: 'invalid-option',
        path: 'media.cidata',
        message: 'an install needs a cidata ISO: pass media.cidata or writeCidata.',
      });
    }
  }
  for (const { path, port } of input.ports) {
    if (!(await isPortFree(port))) {
      issues.push({
        code: 'port-in-use',
        path,
        message: `port ${port} on 127.0.0.1 is already in use; pick another or leave it unset to get a free one.`,
      });
    }
  }
  // UNIX socket paths are limited to 104 (macOS) / 108 (Linux) bytes.
  if (process.platform !== 'win32' && Buffer.byteLength(paths.qmpSocket) > 100) {
    issues.push({
      code: 'invalid-option',
      path: 'home',
      message: `the instance directory is too deep for a UNIX socket (${paths.qmpSocket}); use a shorter WINGUEST_HOME.`,
    });
  }
  issues.push(...sharePreflight(options, paths));
  return issues;
}
