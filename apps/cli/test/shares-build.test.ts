import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { probeVirtiofsd } from '@winguest/qemu-args/probe';
import { connectQmp } from '@winguest/qmp';
import {
  buildFakeInstallIso,
  buildFakeVirtioWinIso,
  installIsoTools,
  virtioWinIsoTools,
} from '@winguest/test-media';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { callsOf, commandCalls } from '../../../packages/provision-scripts/src/__fixtures__/script-syntax';
import { runCli } from './run-cli';

const tools = requireHostTools([
  { command: 'isoinfo', debian: 'genisoimage' },
  { command: 'qemu-system-x86_64', debian: 'qemu-system-x86' },
  { command: 'qemu-img', debian: 'qemu-utils' },
  { command: 'sh', debian: 'dash' },
  { command: 'unshare', debian: 'util-linux' },
  ...installIsoTools,
  ...virtioWinIsoTools,
]);

const yaml = (media: string) => `vm:
  accelerator: tcg
  memoryMiB: 1024
${media}shares:
  - hostPath: projects
    driveLetter: P
  - hostPath: photos
    tag: pics
    readOnly: true
`;

// A Windows guest on a virtio-fs host: WinFsp and virtio-win's viofs go on the cidata media, the
// provisioning mounts every share, and qemu.sh runs one virtiofsd per share (docs/shared-folders.md).
describe.skipIf(!tools.available)(
  'winguest build with shares for a Windows guest on a virtio-fs host',
  () => {
    let root: string;
    let windowsIso: string;
    let media: string;
    const msi = 'not really WinFsp, but checksummed all the same\n';
    let qemu: ChildProcess | undefined;
    beforeAll(async () => {
      const virtiofsd = await probeVirtiofsd();
      if (!virtiofsd.available) throw new Error(`this host gives no virtio-fs: ${virtiofsd.reason}`);
      root = mkdtempSync(join(tmpdir(), 'winguest-cli-shares-'));
      windowsIso = buildFakeInstallIso({ dir: root });
      const virtioWin = buildFakeVirtioWinIso({ dir: root });
      writeFileSync(join(root, 'winfsp.msi'), msi);
      media = `media:\n  drivers: ${JSON.stringify(virtioWin.iso)}\n  winfspMsi: winfsp.msi\n`;
    });
    afterAll(() => {
      qemu?.kill('SIGKILL');
      rmSync(root, { recursive: true, force: true });
    });

    const build = (name: string, text: string) => {
      const dir = join(root, name);
      mkdirSync(join(dir, 'projects'), { recursive: true });
      mkdirSync(join(dir, 'photos'), { recursive: true });
      writeFileSync(join(dir, 'winguest.yaml'), text);
      if (text.includes('winfsp.msi')) writeFileSync(join(dir, 'winfsp.msi'), msi);
      return runCli(['build', '--iso', windowsIso, '--out', 'vm'], {
        cwd: dir,
        env: { HOME: root, WINGUEST_PASSWORD: '' },
      });
    };

    test('cidata carries winfsp.msi, virtiofs.exe and the viofs INF; the script mounts each share', async () => {
      const result = await build('ok', yaml(media));
      expect(result.exitCode, result.stderr).toBe(0);
      const out = join(root, 'ok', 'vm');
      const files = execFileSync('isoinfo', ['-J', '-f', '-i', join(out, 'cidata.iso')], {
        encoding: 'utf8',
      });
      expect(files.split('\n')).toEqual(
        expect.arrayContaining([
          '/winguest/winfsp.msi',
          '/winguest/viofs/virtiofs.exe',
          '/winguest/viofs/viofs.inf',
        ]),
      );
      expect(files).not.toContain('/winguest/viofs/virtiofs.pdb'); // debug symbols stay behind
      const calls = await commandCalls(readFileSync(join(out, 'first-logon.ps1'), 'utf8'));
      const step = { step: 'shared-folders' };
      const [install] = callsOf(calls, 'Install-WinguestMsi', step);
      const sha = createHash('sha256').update(msi).digest('hex').toUpperCase();
      expect(install?.parameters.ExpectedHash).toBe(sha);
      expect(callsOf(calls, 'Mount-WinguestVirtioFs', step).map((m) => m.parameters)).toEqual([
        { Tag: 'projects', DriveLetter: 'P' },
        { Tag: 'pics', DriveLetter: 'Z', ReadOnly: true },
      ]);
      const [copy] = callsOf(calls, 'Get-WinguestMediaPath', step).filter((c) =>
        String(c.parameters.RelativePath).includes('virtiofs.exe'),
      );
      expect(copy?.parameters.RelativePath).toBe('viofs\\virtiofs.exe');
    });

    test('qemu.sh starts one virtiofsd per share: real QEMU (paused) sees both tags; nothing is left after quit', async () => {
      const out = join(root, 'ok', 'vm');
      qemu = spawn('sh', [join(out, 'qemu.sh'), '', '-S'], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      qemu.stderr?.on('data', (chunk) => {
        stderr += chunk;
      });
      const qmp = await connectQmp({ path: join(out, 'qmp.sock') }, { timeoutMs: 20_000 }).catch((error) => {
        throw new Error(`${error}\n${stderr}`);
      });
      try {
        for (const [device, tag] of [
          ['fs0', 'projects'],
          ['fs1', 'pics'],
        ])
          expect(
            await qmp.execute('qom-get', { path: `/machine/peripheral/${device}`, property: 'tag' }),
          ).toBe(tag);
        const share = await qmp.execute('qom-get', { path: '/objects/mem', property: 'share' });
        expect(share).toBe(true);
      } finally {
        await qmp.quit();
      }
      // The script may have exited (and said so) before `quit` returned: waiting for 'exit' then hangs.
      const exited = qemu.exitCode !== null || qemu.signalCode !== null;
      const code = exited ? qemu.exitCode : await new Promise((resolve) => qemu?.once('exit', resolve));
      expect(code, stderr).toBe(0);
      expect(daemonsServing(out)).toEqual([]);
    });

    test('without media.winfspMsi and driver media: one error each naming the fix, nothing written', async () => {
      const result = await build('missing', yaml(''));
      expect(result.exitCode).not.toBe(0);
      expect(result.stderr).toMatch(/media\.winfspMsi: is not set.*WinFsp MSI/);
      expect(result.stderr).toMatch(/media\.drivers: is not set.*viofs\/w11\/amd64/);
      expect(existsSync(join(root, 'missing', 'vm'))).toBe(false);
    });

    test('up refuses the same guest before it creates the instance', async () => {
      const home = join(root, 'missing', 'home');
      const result = await runCli(['up', 'fs', '--iso', windowsIso], {
        cwd: join(root, 'missing'),
        env: { HOME: root, WINGUEST_HOME: home, WINGUEST_PASSWORD: '' },
      });
      expect(result.exitCode).not.toBe(0);
      expect(result.stderr).toMatch(/media\.winfspMsi: is not set/);
      expect(existsSync(join(home, 'instances', 'fs'))).toBe(false);
    });
  },
);

/** Processes still running in `dir` (qemu.sh changes into it: its virtiofsd, swtpm and QEMU). */
function daemonsServing(dir: string): string[] {
  return readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .flatMap((pid) => {
      try {
        if (readlinkSync(`/proc/${pid}/cwd`) !== dir) return [];
        return [readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')];
      } catch {
        return [];
      }
    });
}
