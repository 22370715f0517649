import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  CidataIsoError,
  createIsoStream,
  DestinationExistsError,
  type IsoLayout,
  readIso,
  SourceChangedError,
  SourceMissingError,
  WriteFailedError,
  writeIso,
} from './index';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cidata-iso-write-'));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

const layout: IsoLayout = [
  { type: 'file', path: 'autounattend.xml', source: '<unattend/>\n' },
  { type: 'file', path: 'winguest/first-logon.ps1', source: Buffer.from('Write-Output ok\r\n') },
];

/** The directory holds exactly these names: no temporary file left behind. */
async function expectOnly(names: string[]): Promise<void> {
  expect((await readdir(dir)).sort()).toEqual(names.sort());
}

describe('safe output', () => {
  test('creates the image readable only by its owner (0600) and reports its size', async () => {
    const dest = join(dir, 'cidata.iso');
    const result = await writeIso(layout, dest);
    const info = await stat(dest);
    expect(result.size).toBe(info.size);
    if (process.platform !== 'win32') expect(info.mode & 0o777).toBe(0o600);
    await expectOnly(['cidata.iso']);
  });

  test('refuses to replace an existing destination unless overwrite is true', async () => {
    const dest = join(dir, 'cidata.iso');
    await writeFile(dest, 'precious');
    await expect(writeIso(layout, dest)).rejects.toThrow(DestinationExistsError);
    expect(await readFile(dest, 'utf8')).toBe('precious');
    await writeIso(layout, dest, { overwrite: true });
    expect((await readIso(dest)).entries.map((e) => e.path)).toContain('autounattend.xml');
    await expectOnly(['cidata.iso']);
  });

  test('a missing source leaves the destination untouched and no temporary file', async () => {
    const dest = join(dir, 'cidata.iso');
    await writeFile(dest, 'precious');
    const missing = [
      ...layout,
      { type: 'file', path: 'x.bin', source: { path: join(dir, 'nope') } },
    ] as const;
    await expect(writeIso(missing, dest, { overwrite: true })).rejects.toThrow(SourceMissingError);
    expect(await readFile(dest, 'utf8')).toBe('precious');
    await expectOnly(['cidata.iso']);
  });

  test.each([
    ['yields fewer bytes than declared', 10, ['12345']],
    ['yields more bytes than declared', 3, ['12345']],
  ])('a stream source that %s fails the write cleanly', async (_, size, chunks) => {
    const dest = join(dir, 'cidata.iso');
    const source = {
      size,
      open: async function* () {
        yield* chunks.map((c) => Buffer.from(c));
      },
    };
    const attempt = writeIso([...layout, { type: 'file', path: 'gen.bin', source }], dest);
    await expect(attempt).rejects.toThrow(SourceChangedError);
    await expectOnly([]);
  });

  // "a.bin" fills the first 2048 bytes of the data area, so a victim of 1 MiB − 2048 bytes ends
  // exactly where the writer's first 1 MiB chunk does; an empty one is read with no bytes at all.
  test.each([
    ['shrinks', 2 << 20, 100],
    ['grows', 2 << 20, 3 << 20],
    ['grows by one byte', 4000, 4001],
    ['grows by one byte, ending at a chunk boundary', (1 << 20) - 2048, (1 << 20) - 2047],
    ['grows from empty', 0, 1],
  ])('a file on disk that %s during the write fails it cleanly', async (_, size, newSize) => {
    const dest = join(dir, 'cidata.iso');
    const victim = join(dir, 'victim.bin');
    await writeFile(victim, Buffer.alloc(size, 7));
    // "a.bin" is written before "b.bin"; producing it changes b's source after the plan was made.
    const changer = {
      size: 1,
      open: async function* () {
        await truncate(victim, newSize);
        yield Buffer.from('a');
      },
    };
    const changing: IsoLayout = [
      { type: 'file', path: 'a.bin', source: changer },
      { type: 'file', path: 'b.bin', source: { path: victim } },
    ];
    await expect(writeIso(changing, dest)).rejects.toThrow(/changed while the image was written/);
    await expectOnly(['victim.bin']);
  });
});

const prlimit = requireHostTools([{ command: 'prlimit', debian: 'util-linux' }]);

describe.skipIf(!prlimit.available || process.platform !== 'linux')('a full disk', () => {
  test('(a 1 MiB file size limit on this process) fails with WriteFailedError, destination untouched', async () => {
    const dest = join(dir, 'cidata.iso');
    await writeFile(dest, 'precious');
    const big = [...layout, { type: 'file', path: 'big.bin', source: Buffer.alloc(4 << 20, 1) }] as const;
    const pid = String(process.pid);
    const before = execFileSync('prlimit', [
      '--pid',
      pid,
      '--fsize',
      '--output',
      'SOFT,HARD',
      '--noheadings',
      '--raw',
    ]);
    const [soft, hard] = before.toString().trim().split(/\s+/);
    execFileSync('prlimit', ['--pid', pid, `--fsize=${1 << 20}:${hard}`]);
    try {
      const error = await writeIso(big, dest, { overwrite: true }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WriteFailedError);
      expect(CidataIsoError.isInstance(error) && error.message).toMatch(/EFBIG.*left untouched/);
    } finally {
      execFileSync('prlimit', ['--pid', pid, `--fsize=${soft}:${hard}`]);
    }
    expect(await readFile(dest, 'utf8')).toBe('precious');
    await expectOnly(['cidata.iso']);
  });
});

describe('determinism', () => {
  const write = async (name: string, options = {}) => {
    await writeIso(layout, join(dir, name), options);
    return readFile(join(dir, name));
  };
  /** The 17-byte creation date of the primary volume descriptor, as text. */
  const created = (image: Buffer) => image.toString('latin1', 16 * 2048 + 813, 16 * 2048 + 829);

  test('the same layout and options give byte-identical images, by default dated 1980-01-01', async () => {
    const [a, b] = [await write('a.iso'), await write('b.iso')];
    expect(a.equals(b)).toBe(true);
    expect(created(a)).toBe('1980010100000000');
  });

  test('SOURCE_DATE_EPOCH dates the image; the timestamp option wins over it', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', '1700000000');
    const fromEnv = await write('env.iso');
    expect(created(fromEnv)).toBe('2023111422132000');
    expect(fromEnv.equals(await write('env2.iso'))).toBe(true);
    const fromOption = await write('opt.iso', { timestamp: new Date('2030-05-06T07:08:09Z') });
    expect(created(fromOption)).toBe('2030050607080900');
  });

  test('a malformed SOURCE_DATE_EPOCH is an error naming it', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', 'yesterday');
    await expect(write('bad.iso')).rejects.toThrow(
      /"SOURCE_DATE_EPOCH" option must be whole seconds.*"yesterday"/,
    );
  });

  test('createIsoStream yields exactly the bytes writeIso writes, and the size it announced', async () => {
    const stream = await createIsoStream(layout);
    const chunks: Uint8Array[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    const streamed = Buffer.concat(chunks);
    expect(streamed.length).toBe(stream.size);
    expect(streamed.equals(await write('file.iso'))).toBe(true);
  });

  test('entry order in the layout does not matter', async () => {
    const a = await write('ordered.iso');
    await writeIso([...layout].reverse(), join(dir, 'reversed.iso'));
    expect(a.equals(await readFile(join(dir, 'reversed.iso')))).toBe(true);
  });
});
