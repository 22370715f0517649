import { run } from './tools';

/** `wiminfo <file>` parsed: the header fields and one record per image, keyed as wiminfo prints them. */
export function wiminfo(file: string): { header: Record<string, string>; images: Record<string, string>[] } {
  const output = run('wiminfo', [file]);
  const [headerText = '', imagesText = ''] = output.split('Available Images:');
  return {
    header: fields(headerText),
    images: imagesText
      .split(/\n(?=Index:)/)
      .filter((block) => block.includes('Index:'))
      .map(fields),
  };
}

function fields(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Za-z ]+):\s*(.*)$/.exec(line);
    if (match?.[1]) out[match[1].trim()] = (match[2] ?? '').trim();
  }
  return out;
}

/** One entry of `7z l -slt`: path with `/`, whether a folder, size. */
export interface SevenZipEntry {
  path: string;
  isDirectory: boolean;
  size: number;
}

/** `7z l -slt -t<type> <image>`, entries sorted by path. */
export function sevenZipList(image: string, type: 'udf' | 'iso'): SevenZipEntry[] {
  const output = run('7z', ['l', '-slt', `-t${type}`, image]);
  const [, body = ''] = output.split('\n----------\n');
  return body
    .split(/\n\n+/)
    .map(fields7z)
    .filter((f) => f.Path !== undefined)
    .map((f) => ({
      path: (f.Path ?? '').replaceAll('\\', '/'),
      isDirectory: f.Folder === '+',
      size: Number(f.Size ?? 0),
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

function fields7z(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of block.split('\n')) {
    const at = line.indexOf(' = ');
    if (at > 0) out[line.slice(0, at)] = line.slice(at + 3);
  }
  return out;
}

const wiminfoArch: Record<string, string> = {
  x86_64: 'amd64',
  ARM64: 'arm64',
  x86: 'x86',
  ARM: 'arm',
  ia64: 'ia64',
};

/** The fields of one `wiminfo` image record in the shape `readWimInfo` returns. */
export function expectedImage(record: Record<string, string>) {
  const major = record['Major Version'];
  const optional = (key: string) => record[key] || undefined;
  return {
    index: Number(record.Index),
    name: record.Name,
    description: optional('Description'),
    displayName: optional('Display Name'),
    displayDescription: optional('Display Description'),
    editionId: optional('Edition ID'),
    flags: optional('Flags'),
    installationType: optional('Installation Type'),
    productType: optional('Product Type'),
    arch: wiminfoArch[record.Architecture ?? ''],
    version:
      major === undefined
        ? undefined
        : [major, record['Minor Version'], record.Build, record['Service Pack Build']].join('.'),
    build: record.Build === undefined ? undefined : Number(record.Build),
    languages: (record.Languages ?? '').split(/\s+/).filter(Boolean),
    defaultLanguage: optional('Default Language'),
    size: Number(record['Total Bytes']),
  };
}
