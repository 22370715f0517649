import type { BuildContext } from './_resolved';
import type { QemuArgsIssue } from './errors';
import { shareRules } from './share-rules';

/** A finding of a rule: an error makes the VM unbuildable, a warning is something to know. */
export interface RuleFinding extends QemuArgsIssue {
  severity: 'error' | 'warning';
}

type Rule = (ctx: BuildContext) => RuleFinding | RuleFinding[] | undefined;

const error = (path: string, message: string): RuleFinding => ({ severity: 'error', path, message });
const warning = (path: string, message: string): RuleFinding => ({ severity: 'warning', path, message });

const virtioDisk = new Set(['virtio-blk', 'virtio-scsi']);

/** Every rule, in the order their findings are reported. */
export const rules: readonly Rule[] = [
  ({ spec }) =>
    spec.firmware === 'bios' && spec.secureBoot
      ? error(
          'spec.secureBoot',
          'Secure Boot needs UEFI firmware; set firmware: "uefi" or secureBoot: false.',
        )
      : undefined,
  ({ spec }) =>
    spec.arch === 'arm64' && spec.firmware === 'bios'
      ? error('spec.firmware', 'arm64 (virt) has no legacy BIOS; use firmware: "uefi".')
      : undefined,
  ({ spec }) =>
    spec.arch === 'arm64' && spec.disk.interface === 'ahci'
      ? error(
          'spec.disk.interface',
          'arm64 (virt) has no AHCI controller; use "nvme" (in-box driver) or a virtio disk.',
        )
      : undefined,
  ({ spec }) =>
    spec.arch === 'arm64' && spec.network.model === 'e1000e'
      ? error(
          'spec.network.model',
          'Windows on arm64 has no e1000e driver; use "virtio-net" with NetKVM from virtio-win.',
        )
      : undefined,
  ({ spec, host }) =>
    spec.arch === 'arm64' && host.accelerator === 'whpx'
      ? error(
          'host.accelerator',
          'QEMU supports WHPX for x86 guests only; use "tcg" for arm64 guests on Windows.',
        )
      : undefined,
  ({ spec, host }) =>
    spec.tpm && !host.tpmSocket
      ? error(
          'host.tpmSocket',
          'tpm is on but no swtpm socket is given; start swtpm and pass its --ctrl socket path.',
        )
      : undefined,
  ({ spec, host }) =>
    spec.guestAgent && !host.guestAgentSocket
      ? error(
          'host.guestAgentSocket',
          'guestAgent is on but no socket path is given; pass a path in the instance directory (QEMU creates the socket).',
        )
      : undefined,
  firmwareRule,
  ({ spec, host }) =>
    spec.firmware === 'uefi' && !host.varsPath
      ? error(
          'host.varsPath',
          "UEFI needs a writable per-VM copy of the firmware's vars template; pass its path.",
        )
      : undefined,
  duplicateForwards,
  ({ spec }) =>
    spec.arch === 'arm64' && !spec.media.drivers
      ? warning(
          'spec.media.drivers',
          'arm64 guests have no in-box NIC driver: virtio-net works only with NetKVM from virtio-win; attach the virtio-win ISO or put NetKVM in $WinPEDriver$ on the cidata ISO.',
        )
      : undefined,
  ({ spec }) =>
    spec.arch === 'amd64' && virtioDisk.has(spec.disk.interface) && !spec.media.drivers
      ? warning(
          'spec.media.drivers',
          `Windows Setup has no in-box ${spec.disk.interface} driver and will not see the disk; attach virtio-win or put viostor/vioscsi in $WinPEDriver$ on the cidata ISO.`,
        )
      : undefined,
  ({ spec }) =>
    spec.arch === 'amd64' && spec.network.model === 'virtio-net' && !spec.media.drivers
      ? warning(
          'spec.media.drivers',
          'virtio-net needs NetKVM from virtio-win; without it the guest has no network.',
        )
      : undefined,
  ({ spec }) =>
    spec.memoryMiB < 4096
      ? warning(
          'spec.memoryMiB',
          `${spec.memoryMiB} MiB is below Windows 11's 4096 MiB; Setup refuses it unless BypassRAMCheck is set.`,
        )
      : undefined,
  ...shareRules,
];

function firmwareRule({ spec, host }: BuildContext): RuleFinding[] | undefined {
  if (spec.firmware !== 'uefi') return undefined;
  const fw = host.firmware;
  if (!fw) return [error('host.firmware', 'UEFI needs firmware files; pass the result of probeFirmware().')];
  const findings: RuleFinding[] = [];
  if (fw.arch && fw.arch !== spec.arch) {
    findings.push(
      error(
        'host.firmware.arch',
        `firmware is for ${fw.arch} but the VM is ${spec.arch}; probe firmware for ${spec.arch}.`,
      ),
    );
  }
  if (spec.secureBoot && !fw.features.includes('secure-boot')) {
    findings.push(
      error(
        'host.firmware.features',
        `secureBoot is on but ${fw.code} lacks the "secure-boot" feature; choose Secure Boot firmware.`,
      ),
    );
  } else if (spec.secureBoot && !fw.features.includes('enrolled-keys')) {
    findings.push(
      warning(
        'host.firmware.features',
        `${fw.code} has no Microsoft keys enrolled in its vars template; Secure Boot stays in setup mode and is not enforced.`,
      ),
    );
  }
  return findings;
}

function duplicateForwards({ spec }: BuildContext): RuleFinding[] {
  const { network } = spec;
  const all = [
    ...(network.ssh ? [{ path: 'spec.network.ssh', protocol: 'tcp', hostPort: network.ssh }] : []),
    ...(network.rdp ? [{ path: 'spec.network.rdp', protocol: 'tcp', hostPort: network.rdp }] : []),
    ...network.forwards.map((f, i) => ({ ...f, path: `spec.network.forwards[${i}]` })),
  ];
  const seen = new Map<string, string>();
  const findings: RuleFinding[] = [];
  for (const f of all) {
    const key = `${f.protocol}:${f.hostPort}`;
    const first = seen.get(key);
    if (first)
      findings.push(
        error(
          f.path,
          `host port ${f.protocol}/${f.hostPort} is already forwarded by ${first}; choose another port.`,
        ),
      );
    else seen.set(key, f.path);
  }
  return findings;
}
