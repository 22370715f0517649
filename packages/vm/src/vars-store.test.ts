import { execFileSync } from 'node:child_process';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, describe, expect, test } from 'vitest';
import { tempHome } from './__fixtures__/instance-fixture';
import { createInstanceFiles } from './create-instance';
import type { VmHost } from './host-probe';
import { createImage, imagePaths, instancePaths, saveSnapshot, upOptionsSchema } from './index';
import { transition } from './instance-state';
import { instanceQemuCommand } from './qemu-command';
import { findQemuImg } from './qemu-img';

const gate = requireHostTools([
  { command: 'qemu-img', debian: 'qemu-utils' },
  { command: 'qemu-io', debian: 'qemu-utils' },
  { command: 'sh', debian: 'dash' },
]);

const format = (path: string) =>
  JSON.parse(execFileSync('qemu-img', ['info', '--output=json', path], { encoding: 'utf8' })) as {
    format: string;
    'virtual-size': number;
  };

/**
 * Where an instance keeps its UEFI vars: new instances in qcow2 (so savevm works), instances made
 * by an older winguest in their raw vars.fd, which keeps booting; snapshots of those are refused
 * with the one-time conversion, and that conversion works.
 */
describe.skipIf(!gate.available)('UEFI vars store (qemu-img, no boot)', () => {
  const env = tempHome();
  afterAll(() => env.cleanup());
  const home = env.home;
  const template = join(home, 'VARS.fd');
  const host = (): VmHost => ({
    qemu: 'qemu-system-x86_64',
    qemuImg: findQemuImg(),
    accelerator: 'tcg',
    firmware: { code: '/fw/CODE.fd', varsTemplate: template, features: [] },
    notes: [],
  });
  const make = async (name: string) => {
    const config = {
      ...upOptionsSchema.parse({ name, disk: { size: '1M' } }),
      ports: { ssh: 2222, auto: [] },
    };
    const paths = instancePaths(name, home);
    await createInstanceFiles(paths, { ...config, createdAt: new Date().toISOString() }, host());
    return { paths, config: { ...config, createdAt: '' } };
  };
  const pflash = (name: string, config: Parameters<typeof instanceQemuCommand>[0]) =>
    instanceQemuCommand(config, host(), instancePaths(name, home), 'installed').args.find((a) =>
      a.includes('unit=1'),
    );

  test('a new UEFI instance gets a qcow2 vars store converted from the template, opened as qcow2', async () => {
    writeFileSync(template, Buffer.alloc(128 * 1024, 0x3c));
    const { paths, config } = await make('fresh');
    expect(format(paths.vars)).toMatchObject({ format: 'qcow2', 'virtual-size': 128 * 1024 });
    expect(existsSync(paths.rawVars)).toBe(false);
    expect(pflash('fresh', config)).toBe(`if=pflash,format=qcow2,unit=1,file=${paths.vars}`);
  });

  test('an older instance keeps its raw vars; savevm is refused naming the conversion, which works', async () => {
    const { paths, config } = await make('older');
    // What an older winguest left: a raw copy of the template, no qcow2 store.
    execFileSync('qemu-io', ['-f', 'qcow2', '-c', 'write -P 0x61 0 4k', paths.vars]);
    execFileSync('qemu-img', ['convert', '-O', 'raw', paths.vars, paths.rawVars]);
    rmSync(paths.vars);
    await createInstanceFiles(paths, { ...config, createdAt: '' }, host()); // `up` again: kept as it is
    expect(existsSync(paths.vars)).toBe(false);
    expect(pflash('older', config)).toBe(`if=pflash,format=raw,unit=1,file=${paths.rawVars}`);

    const refused = await saveSnapshot({ name: 'older', home, snapshot: 's1' }).catch((e: Error) => e);
    expect(refused).toMatchObject({ code: 'invalid-options' });
    const message = (refused as Error).message;
    expect(message).toContain(`keeps its UEFI vars in a raw file (${paths.rawVars}`);
    const fix = message.slice(message.indexOf('qemu-img convert'));
    execFileSync('sh', ['-c', fix]);
    expect(existsSync(paths.rawVars)).toBe(false);
    expect(format(paths.vars).format).toBe('qcow2');
    expect(
      execFileSync('qemu-io', ['-f', 'qcow2', '-c', 'read -P 0x61 0 4k', paths.vars], { encoding: 'utf8' }),
    ).not.toMatch(/verification failed/i);
    expect(pflash('older', config)).toBe(`if=pflash,format=qcow2,unit=1,file=${paths.vars}`);
  });

  test('an image made from an instance with raw vars stores them as qcow2', async () => {
    const { paths } = await make('raw-source');
    renameSync(paths.vars, join(paths.dir, 'q'));
    execFileSync('qemu-img', ['convert', '-O', 'raw', join(paths.dir, 'q'), paths.rawVars]);
    transition(paths.state, 'stopped', { installedAt: new Date().toISOString() });
    await createImage({ name: 'from-raw', from: 'raw-source', home });
    const image = imagePaths('from-raw', home);
    expect(format(image.vars)).toMatchObject({ format: 'qcow2', 'virtual-size': 128 * 1024 });
    expect(existsSync(image.rawVars)).toBe(false);
  });
});
