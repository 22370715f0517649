import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sha256 } from '../__fixtures__/layouts';
import { cidataLayout, DestinationExistsError, type IsoLayout, readIso, writeIso } from '../index';
import { detectIsoTools, IsoToolNotFoundError, writeIsoWithTool } from './index';

let dir: string;
let layout: IsoLayout;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cidata-iso-tools-'));
  const driver = join(dir, 'driver');
  await mkdir(join(driver, 'amd64'), { recursive: true });
  await writeFile(join(driver, 'amd64', 'a=b.inf'), 'inf');
  layout = [
    ...cidataLayout({
      answerFile: '<unattend/>',
      files: { 'first-logon.ps1': 'ok', 'big.bin': Buffer.alloc(70_000, 3) },
      drivers: { viostor: driver },
    }),
    {
      type: 'file',
      path: 'generated.txt',
      source: {
        size: 5,
        open: async function* () {
          yield Buffer.from('hello');
        },
      },
    },
    { type: 'directory', path: 'l1/l2/l3/l4/l5/l6/l7/l8/l9' },
  ];
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Paths and content hashes as our reader sees an image. */
async function summary(iso: string) {
  const image = await readIso(iso);
  const files = image.entries.filter((e) => e.type === 'file');
  const hashes = await Promise.all(files.map(async (e) => [e.path, sha256(await image.readFile(e.path))]));
  return {
    paths: image.entries.map((e) => e.path).sort(),
    hashes: Object.fromEntries(hashes),
    label: image.volumeLabel,
  };
}

const gate = requireHostTools([
  { command: 'xorriso', debian: 'xorriso' },
  { command: 'genisoimage', debian: 'genisoimage' },
  { command: 'mkisofs', debian: 'genisoimage' },
]);

describe.skipIf(!gate.available).each(['xorriso', 'genisoimage', 'mkisofs'] as const)(
  '%s backend',
  (tool) => {
    test('writes the same names and bytes as the built-in writer, privately, without overwriting', async () => {
      const ours = join(dir, `ours-${tool}.iso`);
      const theirs = join(dir, `${tool}.iso`);
      await writeIso(layout, ours, { volumeLabel: 'CIDATA' });
      await writeIsoWithTool(tool, layout, theirs);
      expect(await summary(theirs)).toEqual(await summary(ours));
      expect((await stat(theirs)).mode & 0o777).toBe(0o600);
      const before = await readFile(theirs);
      await expect(writeIsoWithTool(tool, layout, theirs)).rejects.toThrow(DestinationExistsError);
      expect((await readFile(theirs)).equals(before)).toBe(true);
    });
  },
);

describe('tool detection', () => {
  test('a missing tool names what was looked for, where, and how to install it', async () => {
    const error = writeIsoWithTool('xorriso', layout, join(dir, 'x.iso'), { env: { PATH: '/nonexistent' } });
    await expect(error).rejects.toThrow(IsoToolNotFoundError);
    await expect(error).rejects.toThrow(
      /xorriso was not found on PATH \(searched: \/nonexistent\)\. Install it with `apt-get install xorriso`/,
    );
  });

  test('hdiutil: on macOS writes the same names as the built-in writer, elsewhere says it is macOS-only', async () => {
    const theirs = join(dir, 'hdiutil.iso');
    if (process.platform !== 'darwin') {
      await expect(writeIsoWithTool('hdiutil', layout, theirs)).rejects.toThrow(
        /hdiutil ships with macOS only/,
      );
      return;
    }
    const ours = join(dir, 'ours-hdiutil.iso');
    await writeIso(layout, ours);
    await writeIsoWithTool('hdiutil', layout, theirs);
    expect((await summary(theirs)).paths).toEqual((await summary(ours)).paths);
  });

  test('detectIsoTools lists what is on PATH, in preference order', () => {
    expect(detectIsoTools({ PATH: '/nonexistent' })).toEqual([]);
    if (gate.available)
      expect(detectIsoTools().map((t) => t.tool)).toEqual(expect.arrayContaining(['xorriso', 'genisoimage']));
  });
});
