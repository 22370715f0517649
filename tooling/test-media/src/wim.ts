import { join } from 'node:path';
import { run, writeTree } from './run.ts';

/** One edition to capture: the NAME plus `--image-property` values and `--flags`. */
export interface EditionFixture {
  name: string;
  description: string;
  flags: string;
  properties: Record<string, string>;
}

/** Windows-like properties for an edition (wimlib writes them into the XML as given). */
export function edition(name: string, editionId: string, arch: number, languages: string[]): EditionFixture {
  const properties: Record<string, string> = {
    DISPLAYNAME: name,
    DISPLAYDESCRIPTION: `${name} for testing`,
    'WINDOWS/ARCH': String(arch),
    'WINDOWS/EDITIONID': editionId,
    'WINDOWS/INSTALLATIONTYPE': editionId.startsWith('Server') ? 'Server' : 'Client',
    'WINDOWS/PRODUCTTYPE': editionId.startsWith('Server') ? 'ServerNT' : 'WinNT',
    'WINDOWS/VERSION/MAJOR': '10',
    'WINDOWS/VERSION/MINOR': '0',
    'WINDOWS/VERSION/BUILD': '26100',
    'WINDOWS/VERSION/SPBUILD': '1742',
    'WINDOWS/LANGUAGES/DEFAULT': languages[0] ?? 'en-US',
  };
  languages.forEach((language, i) => {
    properties[`WINDOWS/LANGUAGES/LANGUAGE${i === 0 ? '' : `[${i + 1}]`}`] = language;
  });
  return { name, description: `${name} <edition> & "more"`, flags: editionId, properties };
}

/** The consumer multi-edition set: Home / Pro / Pro N / Education, amd64, en-US + de-DE. */
export const consumerEditions: EditionFixture[] = [
  edition('Windows 11 Home', 'Core', 9, ['en-US']),
  edition('Windows 11 Pro', 'Professional', 9, ['en-US', 'de-DE']),
  edition('Windows 11 Pro N', 'ProfessionalN', 9, ['en-US']),
  edition('Windows 11 Education', 'Education', 9, ['en-US']),
];

/** Captures each edition of a small Windows-looking tree into `wim` (first with wimcapture, then wimappend). */
export function buildWim(
  dir: string,
  wim: string,
  editions: readonly EditionFixture[],
  compress = 'LZX',
): void {
  const tree = join(dir, 'tree');
  writeTree(tree, { 'Windows/System32/config/SOFTWARE': 'hive', 'Windows/explorer.exe': 'MZ explorer' });
  editions.forEach((e, i) => {
    const args = [i === 0 ? 'capture' : 'append', tree, wim, e.name, e.description, `--flags=${e.flags}`];
    for (const [key, value] of Object.entries(e.properties)) args.push('--image-property', `${key}=${value}`);
    if (i === 0) args.push(`--compress=${compress}`);
    run('wimlib-imagex', args);
  });
}
