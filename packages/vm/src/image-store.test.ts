import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tempHome } from './__fixtures__/instance-fixture';
import { cloneSource, createCloneDisk } from './clone';
import { createInstanceFiles } from './create-instance';
import type { VmHost } from './host-probe';
import {
  createImage,
  type InstanceConfig,
  imageMetadataSchema,
  imagePaths,
  inspectImage,
  instancePaths,
  listImages,
  removeImage,
  type UpOptionsInput,
  upOptionsSchema,
  VmError,
} from './index';
import { transition } from './instance-state';
import { acquireLock } from './lock';
import { findQemuImg } from './qemu-img';

const gate = requireHostTools([
  { command: 'qemu-img', debian: 'qemu-utils' },
  { command: 'qemu-io', debian: 'qemu-utils' },
  { command: 'mkdir', debian: 'coreutils' },
]);

/** `qemu-img info --output=json` of a disk, read by qemu-img itself. */
const info = (path: string) =>
  JSON.parse(execFileSync('qemu-img', ['info', '--output=json', '-U', path], { encoding: 'utf8' })) as {
    format: string;
    'virtual-size': number;
    'backing-filename'?: string;
  };

/** qemu-io's check that `length` bytes at `offset` of a qcow2 hold `pattern` (it exits 1 when not). */
const readPattern = (path: string, pattern: string, offset: string, length: string) =>
  execFileSync('qemu-io', ['-f', 'qcow2', '-c', `read -P ${pattern} ${offset} ${length}`, path], {
    encoding: 'utf8',
  });

/** A config snapshot as `up` writes it. */
const instanceConfig = (options: UpOptionsInput): InstanceConfig => ({
  ...upOptionsSchema.parse(options),
  ports: { ssh: 2222, auto: [] },
  createdAt: new Date().toISOString(),
});

/**
 * The image store on instances whose files are real (qemu-img disks, vars, keys) but that never
 * booted: creating, listing, inspecting and removing images and the overlay a clone gets. Booting
 * clones is in images.test.ts.
 */
describe.skipIf(!gate.available)('image store (qemu-img, no boot)', () => {
  const env = tempHome();
  afterAll(() => env.cleanup());
  const home = env.home;

  /** An installed, stopped instance whose disk holds `marker` at offset 0. */
  async function installedInstance(name: string, firmware: 'uefi' | 'bios', marker: string) {
    const config = instanceConfig({ name, firmware, disk: { size: '16M' } });
    const paths = instancePaths(name, home);
    const template = join(home, 'VARS.fd');
    writeFileSync(template, Buffer.alloc(256 * 1024));
    const host: VmHost = {
      qemu: 'qemu-system-x86_64',
      qemuImg: findQemuImg(),
      accelerator: 'tcg',
      // The host probe finds firmware for UEFI instances only.
      ...(firmware === 'uefi'
        ? { firmware: { code: '/fw/CODE.fd', varsTemplate: template, features: [] } }
        : {}),
      notes: [],
    };
    await createInstanceFiles(paths, config, host);
    // The source's firmware wrote a variable: the image and every clone must carry it.
    if (firmware === 'uefi') execFileSync('qemu-io', ['-f', 'qcow2', '-c', 'write -P 0x77 0 4k', paths.vars]);
    execFileSync('qemu-io', ['-f', 'qcow2', '-c', 'write -P 0x5a 0 128k', paths.disk]);
    writeFileSync(join(paths.dir, 'marker'), marker);
    transition(paths.state, 'stopped', { installedAt: new Date().toISOString() });
    return paths;
  }

  beforeAll(async () => {
    await installedInstance('src-uefi', 'uefi', 'a');
    await installedInstance('src-bios', 'bios', 'b');
  });

  test('stores a compacted read-only qcow2, the vars, the key pair and a valid image.json', async () => {
    const image = await createImage({
      name: 'base',
      from: 'src-uefi',
      home,
      guest: { family: 'windows11', users: ['dev'] },
    });
    const paths = imagePaths('base', home);
    expect(info(paths.disk).format).toBe('qcow2');
    expect(info(paths.disk)['backing-filename']).toBeUndefined();
    expect(info(paths.disk)['virtual-size']).toBe(16 * 1024 * 1024);
    expect(statSync(paths.disk).mode & 0o777).toBe(0o444);
    expect(statSync(paths.dir).mode & 0o777).toBe(0o700);
    expect(info(paths.vars)).toMatchObject({ format: 'qcow2', 'virtual-size': 256 * 1024 });
    expect(readPattern(paths.vars, '0x77', '0', '4k')).not.toMatch(/verification failed/i);
    expect(statSync(paths.vars).mode & 0o777).toBe(0o444);
    expect(existsSync(paths.sshKey)).toBe(true);
    const stored = imageMetadataSchema.parse(JSON.parse(readFileSync(paths.metadata, 'utf8')));
    expect(stored).toEqual(image);
    expect(stored).toMatchObject({
      name: 'base',
      generalized: false,
      source: { instance: 'src-uefi' },
      boot: { firmware: 'uefi', arch: 'amd64', disk: { size: '16M' } },
      guest: { family: 'windows11', users: ['dev'], provisioning: [] },
      hasVars: true,
    });
    // Nothing of the staging directory is left beside the image.
    expect(readdirSync(join(home, 'images')).filter((f) => f.includes('staging'))).toEqual([]);
  });

  test('an image being written elsewhere is refused in its own words (not as an instance)', async () => {
    const lock = acquireLock(imagePaths('busy', home).lock, 'busy', 'Image "busy"');
    try {
      await expect(createImage({ name: 'busy', from: 'src-bios', home })).rejects.toThrow(
        /^Image "busy" is already being driven by this process\.$/,
      );
    } finally {
      lock.release();
    }
  });

  test('a BIOS image has no vars; an existing name is refused', async () => {
    await createImage({ name: 'bios', from: 'src-bios', home });
    expect(inspectImage({ name: 'bios', home })).toMatchObject({ hasVars: false, usedBy: [] });
    expect(existsSync(imagePaths('bios', home).vars)).toBe(false);
    await expect(createImage({ name: 'bios', from: 'src-bios', home })).rejects.toThrow(
      /Image "bios" exists; remove it first/,
    );
  });

  test('an instance that has not finished installing, or a bad name, is refused with the fix', async () => {
    const config = instanceConfig({ name: 'half', disk: { size: '1M' } });
    const host: VmHost = { qemu: 'q', qemuImg: findQemuImg(), accelerator: 'tcg', notes: [] };
    await createInstanceFiles(instancePaths('half', home), config, host);
    await expect(createImage({ name: 'x', from: 'half', home })).rejects.toMatchObject({
      code: 'not-installed',
    });
    await expect(createImage({ name: '../up', from: 'src-bios', home })).rejects.toThrow(
      /image name: "\.\.\/up" must be/,
    );
    await expect(createImage({ name: 'x', from: 'nope', home })).rejects.toMatchObject({
      code: 'instance-not-found',
    });
    expect(existsSync(imagePaths('x', home).dir)).toBe(false);
  });

  test('a clone is an overlay backed by the image, with its own vars; the image is never written', async () => {
    const before = readFileSync(imagePaths('base', home).disk);
    const source = cloneSource({ name: 'clone', image: 'base' }, undefined, home);
    if (!source) throw new Error('expected a clone source');
    const paths = instancePaths('clone', home);
    execFileSync('mkdir', ['-p', paths.dir]);
    await createCloneDisk(paths, source, findQemuImg());
    expect(info(paths.disk)).toMatchObject({
      format: 'qcow2',
      'backing-filename': imagePaths('base', home).disk,
    });
    expect(statSync(paths.vars).mode & 0o777).toBe(0o600);
    expect(info(paths.vars).format).toBe('qcow2');
    expect(readPattern(paths.vars, '0x77', '0', '4k')).not.toMatch(/verification failed/i);
    execFileSync('qemu-io', ['-f', 'qcow2', '-c', 'write -P 0x11 0 64k', paths.disk]);
    expect(readFileSync(imagePaths('base', home).disk).equals(before)).toBe(true);
    // The clone reads the image's data where it wrote nothing.
    const read = (pattern: string, offset: string) => readPattern(paths.disk, pattern, offset, '64k');
    expect(read('0x11', '0')).not.toMatch(/verification failed/i);
    expect(read('0x5a', '64k')).not.toMatch(/verification failed/i);
    expect(() => read('0x5a', '0')).toThrow(/Command failed/); // qemu-io exits 1 on a mismatch
  });

  test('rm of an image an instance uses is refused naming it; list shows who uses what', async () => {
    const config = instanceConfig({ name: 'clone', image: 'base' });
    writeFileSync(instancePaths('clone', home).config, JSON.stringify(config));
    expect(listImages({ home }).map((i) => [i.name, i.usedBy])).toEqual([
      ['base', ['clone']],
      ['bios', []],
    ]);
    expect(() => removeImage({ name: 'base', home })).toThrow(
      /Image "base" is the base of "clone"; remove that instance first/,
    );
    expect(existsSync(imagePaths('base', home).disk)).toBe(true);
    removeImage({ name: 'bios', home });
    expect(listImages({ home }).map((i) => i.name)).toEqual(['base']);
    expect(() => removeImage({ name: 'bios', home })).toThrow(VmError);
  });

  test('inspect says what clones share: more without sysprep', () => {
    expect(inspectImage({ name: 'base', home }).shares).toEqual(
      expect.arrayContaining(['machine SID (no two may join one domain)', 'computer name', 'SSH host keys']),
    );
  });
});
