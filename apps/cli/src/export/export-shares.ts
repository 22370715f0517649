import { resolve } from 'node:path';
import { type Guest, resolveShares } from '@winguest/guest';
import { CliError } from '../errors';

/**
 * The description's shares as libvirt `<filesystem>` virtio-fs entries (libvirt starts virtiofsd on
 * its host; the guest's media are planned for virtio-fs). Read-only shares are refused: older
 * libvirt releases reject `<readonly/>` on a virtiofs filesystem, so the mapping could not be trusted.
 */
export async function libvirtShares(
  config: Guest,
  cwd: string,
): Promise<Array<{ source: string; tag: string }>> {
  const shares = resolveShares(config.shares);
  const readOnly = shares.flatMap((share, i) =>
    share.readOnly ? [`shares[${i}].readOnly: true (${share.tag})`] : [],
  );
  if (readOnly.length > 0)
    throw new CliError('invalid-export', 'Read-only shares cannot be exported to libvirt', {
      details: readOnly,
      hint: 'libvirt does not reliably enforce read-only virtiofs shares: drop readOnly for the export, or run the guest with winguest up (its virtiofsd serves them read-only)',
    });
  return shares.map((share) => ({ source: resolve(cwd, share.hostPath), tag: share.tag }));
}

/**
 * KubeVirt's virtiofs `filesystems` share PVCs, ConfigMaps and Secrets from the cluster, never a
 * directory of the machine running winguest: a host share has no honest mapping, so it is refused.
 */
export function refuseKubeVirtShares(config: Guest): void {
  if (config.shares.length === 0) return;
  throw new CliError('invalid-export', 'Shares cannot be exported to KubeVirt', {
    details: config.shares.map((share, i) => `shares[${i}].hostPath: ${JSON.stringify(share.hostPath)}`),
    hint: 'KubeVirt shares cluster volumes (PVCs, ConfigMaps) over virtiofs, not a host folder: remove shares for this export and add a filesystem for a PVC to the VirtualMachine yourself',
  });
}
