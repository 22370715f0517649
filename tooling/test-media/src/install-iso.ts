import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { run, writeTree } from './run.ts';
import { buildWim, consumerEditions, type EditionFixture } from './wim.ts';

/** Host tools the fake install ISO needs, for `requireHostTools`. */
export const installIsoTools = [
  { command: 'wimlib-imagex', debian: 'wimtools' },
  { command: 'genisoimage', debian: 'genisoimage' },
];

export interface FakeInstallIsoOptions {
  /** Directory to build in (the ISO is written there as `name`). */
  dir: string;
  name?: string;
  /** Editions of `sources/install.wim`; defaults to Home / Pro / Pro N / Education, amd64. */
  editions?: readonly EditionFixture[];
  /** Volume label; defaults to the en-US x64 consumer label. */
  label?: string;
  /** Whether to include `efi/microsoft/boot/efisys_noprompt.bin`. */
  noPromptBootImage?: boolean;
}

/**
 * A small UDF image laid out like Windows install media (setup.exe, sources/install.wim with real
 * WIM metadata, boot files) — enough for anything that inspects media without booting it.
 */
export function buildFakeInstallIso(options: FakeInstallIsoOptions): string {
  const work = join(options.dir, `${options.name ?? 'windows.iso'}.d`);
  const root = join(work, 'root');
  mkdirSync(join(root, 'sources'), { recursive: true });
  buildWim(work, join(root, 'sources', 'install.wim'), options.editions ?? consumerEditions);
  const files: Record<string, string> = {
    'setup.exe': 'MZ setup',
    'boot/etfsboot.com': 'boot',
    'efi/microsoft/boot/efisys.bin': 'efisys',
  };
  if (options.noPromptBootImage) files['efi/microsoft/boot/efisys_noprompt.bin'] = 'efisys-noprompt';
  writeTree(root, files);
  const iso = join(options.dir, options.name ?? 'windows.iso');
  run('genisoimage', [
    '-quiet',
    '-udf',
    '-D',
    '-input-charset',
    'utf-8',
    '-V',
    options.label ?? 'CCCOMA_X64FRE_EN-US_DV9',
    '-o',
    iso,
    root,
  ]);
  return iso;
}
