import { existsSync, statSync } from 'node:fs';
import type { PreflightIssue } from './errors';
import type { InstancePaths } from './instance-paths';
import type { UpOptions } from './up-options';
import { virtiofsdFiles } from './virtiofsd';

/** Checks the shared folders: each directory exists, tags are unique, sockets fit; every problem at once. */
export function sharePreflight(
  options: Partial<Pick<UpOptions, 'shares' | 'smbShare'>>,
  paths: InstancePaths,
): PreflightIssue[] {
  const issues: PreflightIssue[] = [];
  const directory = (path: string, value: string) => {
    if (!existsSync(value) || !statSync(value).isDirectory())
      issues.push({
        code: 'missing-file',
        path,
        message: `"${value}" does not exist or is not a directory; create it or fix the path.`,
      });
  };
  const tags = new Map<string, number>();
  for (const [i, share] of (options.shares ?? []).entries()) {
    directory(`shares[${i}].hostPath`, share.hostPath);
    const first = tags.get(share.tag);
    if (first === undefined) tags.set(share.tag, i);
    else
      issues.push({
        code: 'invalid-option',
        path: `shares[${i}].tag`,
        message: `tag "${share.tag}" is already used by shares[${first}]; give each share its own tag.`,
      });
  }
  if (options.smbShare) directory('smbShare', options.smbShare);
  const socket = virtiofsdFiles(paths, Math.max(0, (options.shares?.length ?? 0) - 1)).socket;
  if (options.shares?.length && Buffer.byteLength(socket) > 100) {
    issues.push({
      code: 'invalid-option',
      path: 'home',
      message: `the instance directory is too deep for virtiofsd's socket (${socket}); use a shorter WINGUEST_HOME.`,
    });
  }
  return issues;
}
