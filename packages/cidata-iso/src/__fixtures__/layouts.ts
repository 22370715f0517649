import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { IsoFileEntry } from '../layout';

/** A layout whose files are all in memory, so tests can materialise it for reference tools. */
export interface MemoryCase {
  name: string;
  files: { path: string; data: Buffer }[];
  directories: string[];
}

const text = (path: string, body: string) => ({ path, data: Buffer.from(body, 'utf8') });

/** The trees the issue names (the 300 MB file is built separately, on disk). */
export const memoryCases: MemoryCase[] = [
  {
    name: 'plain answer-file media',
    files: [
      text(
        'autounattend.xml',
        '<?xml version="1.0"?>\n<unattend xmlns="urn:schemas-microsoft-com:unattend"/>\n',
      ),
      text('winguest/first-logon.ps1', 'Write-Output "WINGUEST provision ok"\r\n'),
    ],
    directories: [],
  },
  {
    name: 'unicode and space-containing names',
    files: [
      text('Ünïcode Ordner/Grüße an alle.txt', 'grüße\n'),
      text('日本語/ファイル名.txt', 'こんにちは\n'),
      text('with spaces/a b  c.ps1', 'x'),
      text('symbols ✓ ☃ folder/Ωμέγα €.txt', '😀 in content is fine'),
      text('a=b [x] (y) & {z} #1 %2.txt', 'special'),
      text(`${'L'.repeat(60)}.txt`, 'sixty-four characters exactly'),
    ],
    directories: [],
  },
  {
    name: '8 levels deep',
    files: [
      text('l1/l2/l3/l4/l5/l6/l7/l8/deep.txt', 'deep\n'),
      text('l1/l2/l3/l4/l5/l6/l7/l8/l9/deeper.txt', '9\n'),
    ],
    directories: ['l1/l2/l3/l4/l5/l6/l7/l8/empty'],
  },
  {
    name: '500 files',
    files: Array.from({ length: 500 }, (_, i) =>
      text(`many/dir${i % 7}/file number ${String(i).padStart(3, '0')}.dat`, `payload ${i}\n`.repeat(i % 13)),
    ),
    directories: [],
  },
  {
    name: 'an empty file and an empty directory',
    files: [{ path: 'empty.txt', data: Buffer.alloc(0) }, text('README', 'no extension\n')],
    directories: ['empty dir'],
  },
];

/** The case as layout entries (files from Buffers, explicit directories). */
export function entriesOf(c: MemoryCase): (IsoFileEntry | { type: 'directory'; path: string })[] {
  return [
    ...c.files.map((f) => ({ type: 'file' as const, path: f.path, source: f.data })),
    ...c.directories.map((path) => ({ type: 'directory' as const, path })),
  ];
}

/** Every path (files and directories, implied ones included) the image should list, sorted. */
export function expectedPaths(c: MemoryCase): string[] {
  const all = new Set<string>();
  for (const path of [...c.files.map((f) => f.path), ...c.directories]) {
    const parts = path.split('/');
    for (let i = 1; i <= parts.length; i++) all.add(parts.slice(0, i).join('/'));
  }
  return [...all].sort();
}

/** Writes the case as a directory tree on disk, for xorriso and genisoimage to read. */
export async function materialise(c: MemoryCase, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const d of c.directories) await mkdir(join(dir, d), { recursive: true });
  for (const f of c.files) {
    await mkdir(dirname(join(dir, f.path)), { recursive: true });
    await writeFile(join(dir, f.path), f.data);
  }
}

/** SHA-256 of bytes, hex. */
export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
