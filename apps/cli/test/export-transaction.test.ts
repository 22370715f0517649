import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFakeInstallIso, installIsoTools } from '@winguest/test-media';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from './run-cli';

const tools = requireHostTools([{ command: 'qemu-img', debian: 'qemu-utils' }, ...installIsoTools]);

/** `winguest export` writes its folder all together: a failure leaves nothing new behind. */
describe.skipIf(!tools.available)('a failed export leaves no half-written folder', () => {
  let root: string;
  let iso: string;
  let noTools: string;
  const env = (path?: string, password = 'correct horse') => ({
    HOME: join(root, 'home'),
    WINGUEST_PASSWORD: password,
    ...(path ? { PATH: path } : {}),
  });
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'winguest-cli-export-tx-'));
    iso = buildFakeInstallIso({ dir: root });
    // A PATH without qemu-img: the disk cannot be created, after the cidata ISO could be.
    noTools = join(root, 'empty-bin');
    mkdirSync(noTools);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('libvirt into a new folder: qemu-img missing fails with the fix and writes no file', async () => {
    const result = await runCli(['export', 'libvirt', '--iso', iso, '--out', 'new'], {
      cwd: root,
      env: env(noTools),
    });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('qemu-img was not found on PATH');
    expect(result.stderr).toContain('apt-get install qemu-utils');
    expect(readdirSync(join(root, 'new'))).toEqual([]);
  });

  test('libvirt --force over an earlier export: a failure keeps every earlier file as it was', async () => {
    const first = await runCli(['export', 'libvirt', '--iso', iso, '--out', 'vm'], { cwd: root, env: env() });
    expect(first.exitCode, first.stderr).toBe(0);
    const out = join(root, 'vm');
    const before = Object.fromEntries(readdirSync(out).map((name) => [name, readFileSync(join(out, name))]));
    expect(Object.keys(before).sort()).toEqual(['cidata.iso', 'disk.qcow2', 'domain.xml']);

    const failed = await runCli(
      ['export', 'libvirt', '--iso', iso, '--out', 'vm', '--force', '--domain-type', 'qemu'],
      // Another password: the new cidata ISO differs from the earlier one.
      { cwd: root, env: env(noTools, 'battery staple') },
    );
    expect(failed.exitCode).toBe(1);
    expect(readdirSync(out).sort()).toEqual(Object.keys(before).sort());
    for (const [name, bytes] of Object.entries(before))
      expect(readFileSync(join(out, name)), name).toEqual(bytes);
    expect(readFileSync(join(out, 'domain.xml'), 'utf8')).toMatch(/<domain [^>]*type="kvm"/);
  });
});
