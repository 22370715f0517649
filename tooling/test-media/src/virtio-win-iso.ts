import { join } from 'node:path';
import { run, writeTree } from './run.ts';

/** Host tools the fake virtio-win ISO needs, for `requireHostTools`. */
export const virtioWinIsoTools = [{ command: 'genisoimage', debian: 'genisoimage' }];

const win10Builds = ['w10/x86', 'w10/amd64', '2k16/amd64', '2k19/amd64', '2k22/amd64', 'w10/ARM64'];
const win11Builds = ['w11/amd64', '2k25/amd64', 'w11/ARM64', '2k25/ARM64'];
const everywhere = [...win10Builds, ...win11Builds];

/**
 * virtio-win's real folder layout (virtio-win-pkg-scripts' filemap): per driver, the
 * `<os>/<arch>` folders it is built for and the files in each. Names only: the files written are
 * a line of placeholder text.
 */
export const virtioWinLayout: Record<string, { builds: string[]; files: string[] }> = {
  viostor: { builds: everywhere, files: ['viostor.cat', 'viostor.inf', 'viostor.pdb', 'viostor.sys'] },
  vioscsi: { builds: everywhere, files: ['vioscsi.cat', 'vioscsi.inf', 'vioscsi.pdb', 'vioscsi.sys'] },
  NetKVM: {
    builds: everywhere,
    files: ['netkvm.cat', 'netkvm.inf', 'netkvm.pdb', 'netkvm.sys', 'netkvmco.dll'],
  },
  Balloon: { builds: everywhere, files: ['balloon.cat', 'balloon.inf', 'balloon.sys', 'blnsvr.exe'] },
  vioserial: { builds: everywhere, files: ['vioser.cat', 'vioser.inf', 'vioser.pdb', 'vioser.sys'] },
  viorng: {
    builds: everywhere,
    files: ['viorng.cat', 'viorng.inf', 'viorng.sys', 'viorngci.dll', 'viorngum.dll'],
  },
  vioinput: { builds: everywhere, files: ['vioinput.cat', 'vioinput.inf', 'vioinput.sys', 'viohidkmdf.sys'] },
  pvpanic: { builds: everywhere, files: ['pvpanic.cat', 'pvpanic.inf', 'pvpanic.sys'] },
  // virtio-fs has no Server 2025 ARM64 build; the fw_cfg device has no ARM64 build at all.
  viofs: {
    builds: everywhere.filter((b) => b !== '2k25/ARM64'),
    files: ['viofs.cat', 'viofs.inf', 'viofs.pdb', 'viofs.sys', 'virtiofs.exe', 'virtiofs.pdb'],
  },
  qemufwcfg: {
    builds: everywhere.filter((b) => !b.endsWith('ARM64')),
    files: ['qemufwcfg.cat', 'qemufwcfg.inf'],
  },
};

/** Files at fixed places: the guest agent (x86 and x64 only) and the guest-tools installers. */
export const virtioWinExtras = [
  'guest-agent/qemu-ga-i386.msi',
  'guest-agent/qemu-ga-x86_64.msi',
  'virtio-win-gt-x64.msi',
  'virtio-win-gt-x86.msi',
  'virtio-win-guest-tools.exe',
];

export interface FakeVirtioWinOptions {
  /** Directory to build in. */
  dir: string;
  name?: string;
  /** Keep only builds whose `<os>/<arch>` passes (e.g. an older virtio-win without `2k25`). */
  builds?: (build: string) => boolean;
  /** Leave out the guest-agent and guest-tools installers. */
  withoutInstallers?: boolean;
}

/**
 * A small image made the way virtio-win's is (ISO 9660:1999 + Rock Ridge, no Joliet), with its
 * folder layout and placeholder files (no driver binaries). Returns the ISO and the folder it was made from (an "extracted" copy).
 */
export function buildFakeVirtioWinIso(options: FakeVirtioWinOptions): { iso: string; root: string } {
  const name = options.name ?? 'virtio-win.iso';
  const root = join(options.dir, `${name}.d`);
  const keep = options.builds ?? (() => true);
  const files: Record<string, string> = {};
  for (const [driver, { builds, files: names }] of Object.entries(virtioWinLayout)) {
    for (const build of builds.filter(keep)) {
      for (const file of names)
        files[`${driver}/${build}/${file}`] = placeholder(`${driver}/${build}/${file}`);
    }
  }
  if (!options.withoutInstallers) for (const extra of virtioWinExtras) files[extra] = placeholder(extra);
  writeTree(root, files);
  const iso = join(options.dir, name);
  // virtio-win.spec makes its ISO with `mkisofs -r -iso-level 4`: ISO 9660:1999 names (case kept,
  // no `;1`) plus Rock Ridge, and no Joliet tree.
  const flags = ['-r', '-iso-level', '4', '-input-charset', 'iso8859-1'];
  run('genisoimage', ['-quiet', ...flags, '-V', 'virtio-win-0.1.999', '-o', iso, root]);
  return { iso, root };
}

function placeholder(path: string): string {
  return path.endsWith('.inf')
    ? `; placeholder for ${path}\r\n[Version]\r\nSignature="$WINDOWS NT$"\r\n`
    : `placeholder for ${path}\n`;
}
