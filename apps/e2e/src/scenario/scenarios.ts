import type { ScenarioInput } from './scenario-schema.ts';

/** The checks every scenario runs; the stand-in adds the shared folder (virtio-fs). */
const guestChecks = [
  'hostname',
  'user-groups',
  'sshd',
  'provisioning-log',
  'answer-file-secrets',
  'time-zone-locale',
] as const;

/** SID of the built-in Administrators group (its name is localised; the SID is not). */
const administrators = 'S-1-5-32-544';

/**
 * The scenarios `pnpm e2e` knows. Media come from environment variables (the nightly workflow sets
 * them from its cached downloads) so nothing here depends on one machine's paths.
 */
/** The Windows 11 clone scenarios differ only in whether the image is generalized. */
function win11Clones(generalize: boolean) {
  return {
    guest: 'windows',
    family: 'windows11',
    edition: 'Windows 11 Enterprise Evaluation',
    media: { iso: { env: 'WINGUEST_E2E_WIN11_ISO' }, opensshMsi: { env: 'WINGUEST_E2E_OPENSSH_MSI' } },
    options: { tpm: true, bypassHardwareChecks: true, openssh: 'msi', clones: { count: 3, generalize } },
    checks: ['hostname', 'sshd'],
  } satisfies Partial<ScenarioInput>;
}

export const scenarioInputs: ScenarioInput[] = [
  {
    name: 'standin-amd64',
    description: 'Linux stand-in guest: the install protocol, one reboot, eject, SSH (runs under TCG)',
    guest: 'standin',
    firmware: 'bios',
    options: { cpus: 1, memoryMiB: 1024, diskGiB: 20, sharedFolder: { driveLetter: 'Z' } },
    expect: { computerName: 'e2e-standin', user: 'root', group: 'root', timeZone: 'UTC' },
    checks: [...guestChecks, 'shared-folder'],
  },
  {
    name: 'win11-amd64',
    description:
      'Windows 11 Enterprise evaluation, TPM 2.0 + hardware-check bypass, in-box devices, OpenSSH MSI',
    guest: 'windows',
    family: 'windows11',
    edition: 'Windows 11 Enterprise Evaluation',
    media: {
      iso: { env: 'WINGUEST_E2E_WIN11_ISO' },
      opensshMsi: { env: 'WINGUEST_E2E_OPENSSH_MSI' },
    },
    options: { tpm: true, bypassHardwareChecks: true, devices: 'compat', openssh: 'msi', memoryMiB: 4096 },
    expect: {
      computerName: 'e2e-win11',
      user: 'winguest',
      group: administrators,
      timeZone: 'W. Europe Standard Time',
      locale: 'en-US',
    },
    checks: [...guestChecks],
  },
  {
    name: 'win11-secureboot-amd64',
    description:
      'Windows 11 Enterprise evaluation on its real requirements: TPM 2.0 + Secure Boot (enrolled keys), no bypass',
    guest: 'windows',
    family: 'windows11',
    edition: 'Windows 11 Enterprise Evaluation',
    media: {
      iso: { env: 'WINGUEST_E2E_WIN11_ISO' },
      opensshMsi: { env: 'WINGUEST_E2E_OPENSSH_MSI' },
    },
    options: {
      tpm: true,
      secureBoot: true,
      bypassHardwareChecks: false,
      devices: 'compat',
      openssh: 'msi',
      memoryMiB: 4096,
    },
    expect: {
      computerName: 'e2e-win11-sb',
      user: 'winguest',
      group: administrators,
      timeZone: 'UTC',
      locale: 'en-US',
    },
    checks: [...guestChecks],
  },
  {
    name: 'win11-shares-amd64',
    description:
      'Windows 11 with a host folder over virtio-fs: WinFsp MSI, viofs and virtiofs.exe from virtio-win, mounted at S:',
    guest: 'windows',
    family: 'windows11',
    edition: 'Windows 11 Enterprise Evaluation',
    media: {
      iso: { env: 'WINGUEST_E2E_WIN11_ISO' },
      drivers: { env: 'WINGUEST_E2E_VIRTIO_WIN_ISO' },
      opensshMsi: { env: 'WINGUEST_E2E_OPENSSH_MSI' },
      winfspMsi: { env: 'WINGUEST_E2E_WINFSP_MSI' },
    },
    options: {
      tpm: true,
      bypassHardwareChecks: true,
      devices: 'compat',
      openssh: 'msi',
      memoryMiB: 4096,
      sharedFolder: { driveLetter: 'S' },
    },
    expect: {
      computerName: 'e2e-win11-fs',
      user: 'winguest',
      group: administrators,
      timeZone: 'UTC',
      locale: 'en-US',
    },
    checks: [...guestChecks, 'shared-folder'],
  },
  {
    name: 'server2025-amd64',
    description: 'Windows Server 2025 evaluation (Desktop Experience), virtio-win drivers, built-in OpenSSH',
    guest: 'windows',
    family: 'server2025',
    edition: 'Windows Server 2025 Standard Evaluation (Desktop Experience)',
    media: {
      iso: { env: 'WINGUEST_E2E_SERVER2025_ISO' },
      drivers: { env: 'WINGUEST_E2E_VIRTIO_WIN_ISO' },
    },
    options: { devices: 'virtio', openssh: 'builtin', memoryMiB: 4096 },
    expect: {
      computerName: 'e2e-srv2025',
      user: 'winguest',
      group: administrators,
      timeZone: 'UTC',
      locale: 'en-US',
    },
    checks: [...guestChecks],
  },
  {
    name: 'standin-arm64',
    description:
      'Linux stand-in on arm64 (virt, edk2, NVMe, usb-storage media): boots its EFI media from the firmware like Windows, one reboot into its disk, eject, SSH (TCG)',
    guest: 'standin',
    arch: 'arm64',
    options: { cpus: 1, memoryMiB: 1024, diskGiB: 20 },
    expect: { computerName: 'e2e-standin-a64', user: 'root', group: 'root', timeZone: 'UTC' },
    checks: [...guestChecks],
  },
  {
    name: 'win11-arm64',
    description:
      'Windows 11 ARM64 on an arm64 host with KVM: NVMe, usb-storage media, ramfb, virtio-net with NetKVM (ARM64) from virtio-win, OpenSSH ARM64 MSI',
    guest: 'windows',
    family: 'windows11',
    arch: 'arm64',
    media: {
      iso: { env: 'WINGUEST_E2E_WIN11_ARM64_ISO' },
      drivers: { env: 'WINGUEST_E2E_VIRTIO_WIN_ISO' },
      opensshMsi: { env: 'WINGUEST_E2E_OPENSSH_ARM64_MSI' },
    },
    options: { tpm: true, bypassHardwareChecks: true, devices: 'virtio', openssh: 'msi', memoryMiB: 4096 },
    expect: {
      computerName: 'e2e-win11-a64',
      user: 'winguest',
      group: administrators,
      timeZone: 'W. Europe Standard Time',
      locale: 'en-US',
    },
    checks: [...guestChecks],
  },
  {
    name: 'standin-clones-amd64',
    description:
      'Linux stand-in on UEFI: install once, image create --generalize (its sysprep shim), three clones in parallel, each ready with its own hostname and host key (TCG)',
    guest: 'standin',
    options: { cpus: 1, memoryMiB: 768, diskGiB: 20, clones: { count: 3, generalize: true } },
    expect: { computerName: 'e2e-standin-cl', user: 'root', group: 'root', timeZone: 'UTC' },
    checks: ['hostname', 'sshd'],
  },
  {
    name: 'win11-clones-amd64',
    description:
      'Windows 11: install once, image create --generalize (sysprep), three clones in parallel; clone to SSH against ≤ 3 min on KVM',
    ...win11Clones(true),
    expect: { computerName: 'e2e-win11-cl', user: 'winguest', group: administrators },
  },
  {
    name: 'win11-clones-plain-amd64',
    description:
      'Windows 11: install once, image create (not generalized), three throwaway clones in parallel; clone to SSH against ≤ 60 s on KVM',
    ...win11Clones(false),
    expect: { computerName: 'e2e-win11-cp', user: 'winguest', group: administrators },
  },
];
