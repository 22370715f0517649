import { basename } from 'node:path';
import type { MediaPlan } from '@winguest/guest';
import { CliError } from '../errors';

/** The sysprep Secret's files from the cidata layout: flat, text only, without the answer file. */
export interface SysprepFiles {
  files: Record<string, string>;
  /** Files the Secret cannot carry (installers on disk, driver trees), for a warning. */
  left: string[];
}

/**
 * Flattens the cidata media for a KubeVirt sysprep volume, which is built from a Secret's keys and
 * so has no folders: `winguest/first-logon.ps1` becomes `first-logon.ps1` (the launcher also looks
 * at the root). Files given by path (the OpenSSH MSI) and `$WinPEDriver$` trees stay out.
 */
export function sysprepFiles(plan: MediaPlan): SysprepFiles {
  const files: Record<string, string> = {};
  const left: string[] = [];
  for (const entry of plan.layout) {
    if (entry.type === 'directory' || entry.path === 'autounattend.xml') continue;
    const text =
      entry.type === 'file' && typeof entry.source === 'string'
        ? entry.source
        : entry.type === 'file' && entry.source instanceof Uint8Array
          ? new TextDecoder().decode(entry.source)
          : undefined;
    if (text === undefined || entry.path.startsWith('$WinPEDriver$/')) {
      left.push(entry.path);
      continue;
    }
    const name = basename(entry.path);
    if (name in files) {
      throw new CliError('sysprep-clash', `Two provisioning files are both named ${name} once flattened`, {
        hint: 'a sysprep volume has no folders: give provisioning files distinct names',
      });
    }
    files[name] = text;
  }
  return { files, left };
}
