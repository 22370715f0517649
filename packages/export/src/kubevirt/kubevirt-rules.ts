import type { ResolvedVmSpec } from '@winguest/qemu-args';
import type { ExportIssue } from '../errors';
import { kubeVirtName } from './kubevirt-name';
import type { KubeVirtOptions } from './kubevirt-options';

/** The largest Secret Kubernetes stores. */
const secretLimitBytes = 1024 * 1024;

/** What a VM spec + options cannot be in KubeVirt, every problem with its path and the fix. */
export function kubeVirtRules(spec: ResolvedVmSpec, options: KubeVirtOptions): ExportIssue[] {
  const issues: ExportIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  if (!kubeVirtName(spec.name))
    add('spec.name', `"${spec.name}" leaves no letters or digits for a Kubernetes name`);
  if (spec.disk.interface === 'nvme')
    add(
      'spec.disk.interface',
      'KubeVirt has no NVMe disk bus: use "virtio-blk" (or "virtio-scsi"; "ahci" on amd64)',
    );
  if (spec.arch === 'arm64' && spec.disk.interface === 'ahci')
    add(
      'spec.disk.interface',
      'KubeVirt allows only virtio and SCSI buses on arm64: use "virtio-blk" or "virtio-scsi"',
    );
  if (spec.firmware === 'bios' && (spec.arch === 'arm64' || spec.secureBoot))
    add(
      'spec.firmware',
      `${spec.arch === 'arm64' ? 'arm64' : 'Secure Boot'} needs UEFI: set firmware to "uefi"`,
    );
  if (!options.installIso && !options.disk.clone)
    add(
      'options.installIso',
      'nothing to boot: give the install ISO (url or pvc) or a golden image to clone (disk.clone)',
    );
  if (spec.media.cidata && !options.sysprep)
    add('options.sysprep', 'the spec attaches cidata media; pass its answer file and files as sysprep');
  if (spec.extraArgs.length > 0)
    add('spec.extraArgs', `KubeVirt takes no raw QEMU arguments (${spec.extraArgs.join(' ')}): remove them`);
  const secretBytes = Object.values(
    options.sysprep ? { a: options.sysprep.answerFile, ...options.sysprep.files } : {},
  ).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  if (secretBytes > secretLimitBytes)
    add('options.sysprep', `the files are ${secretBytes} bytes, over a Secret's 1 MiB: leave installers out`);
  return issues;
}
