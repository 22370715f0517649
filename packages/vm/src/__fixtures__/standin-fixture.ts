import { join } from 'node:path';
import { cidataLayout, writeIso } from '@winguest/cidata-iso';
import {
  buildStandinGuest,
  defaultStandinCacheDir,
  type StandinCmdlineOptions,
  standinKernelCmdline,
} from '@winguest/standin-guest';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { stages, type UpOptionsInput, type UpRunOptions } from '../index';

/** QEMU, plus what building the stand-in guest from Debian packages needs. */
export const standinGate = () =>
  requireHostTools([
    { command: 'qemu-system-x86_64', debian: 'qemu-system-x86' },
    { command: 'qemu-img', debian: 'qemu-utils' },
    { command: 'apt-get', debian: 'apt' },
    { command: 'dpkg-deb', debian: 'dpkg' },
  ]);

const stallingStages = stages.filter((stage) => stage !== 'ready');

/** The answer file the stand-in reads its hostname from (`<ComputerName>`), as Windows would. */
const answerFile = (name: string) =>
  [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<unattend xmlns="urn:schemas-microsoft-com:unattend">',
    '  <settings pass="specialize">',
    '    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64"',
    '      publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">',
    `      <ComputerName>${name}</ComputerName>`,
    '    </component>',
    '  </settings>',
    '</unattend>',
    '',
  ].join('\n');

/**
 * `writeCidata` for the stand-in: autounattend.xml at the root, the provisioning script and the
 * instance's public key under `winguest/` (the stand-in's default paths).
 */
export const writeStandinCidata: NonNullable<UpRunOptions['writeCidata']> = async ({
  name,
  path,
  sshPublicKey,
}) => {
  const layout = cidataLayout({
    answerFile: answerFile(name),
    files: { 'provision.ps1': 'Write-Output "provisioning"\r\n', authorized_keys: `${sshPublicKey}\n` },
  });
  await writeIso(layout, path, { overwrite: true });
};

/**
 * Builds (or reuses, from the shared cache) the stand-in guest and a small "Windows" ISO in `dir`,
 * and returns `up` options for an instance booting it under TCG with SeaBIOS.
 */
export async function standinSetup(dir: string) {
  const guest = await buildStandinGuest({ cacheDir: defaultStandinCacheDir() });
  const windows = join(dir, 'windows.iso');
  await writeIso([{ type: 'file', path: 'setup.txt', source: 'stand-in install media\n' }], windows);
  const home = join(dir, 'home');
  const options = (
    name: string,
    guestOptions: StandinCmdlineOptions = {},
    extra: UpOptionsInput = {},
  ): UpOptionsInput => ({
    name,
    home,
    accelerator: 'tcg',
    firmware: 'bios',
    cpus: 1,
    memoryMiB: 384,
    disk: { size: '64M' },
    kernel: {
      kernel: guest.kernel,
      initrd: guest.initrd,
      append: standinKernelCmdline(guestOptions),
    },
    ssh: { user: 'root' },
    media: { windows },
    screenshotIntervalSeconds: 0,
    // Each stand-in stage takes seconds: a hang fails the test with the stage, not a test timeout.
    timeouts: Object.fromEntries(stallingStages.map((stage) => [stage, 90_000])),
    ...extra,
  });
  return { home, windows, options };
}
