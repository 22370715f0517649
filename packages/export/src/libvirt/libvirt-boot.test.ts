import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { cidataLayout, writeIso } from '@winguest/cidata-iso';
import { buildStandinGuest, defaultStandinCacheDir, standinKernelCmdline } from '@winguest/standin-guest';
import { requireHostTools } from '@winguest/vitest-config/host-tools';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type PrivateLibvirtd, startPrivateLibvirtd } from '../__fixtures__/private-libvirtd';
import { renderLibvirtDomain } from '../index';

const tools = requireHostTools([
  { command: 'libvirtd', debian: 'libvirt-daemon' },
  { command: 'virsh', debian: 'libvirt-clients' },
  { command: 'setpriv', debian: 'util-linux' },
  { command: 'qemu-system-x86_64', debian: 'qemu-system-x86' },
  { command: 'qemu-system-aarch64', debian: 'qemu-system-arm' },
  { command: 'swtpm', debian: 'swtpm' },
  { command: 'qemu-img', debian: 'qemu-utils' },
  { command: 'ssh', debian: 'openssh-client' },
  { command: 'ssh-keygen', debian: 'openssh-client' },
  { command: 'apt-get', debian: 'apt' },
  { command: 'dpkg-deb', debian: 'dpkg' },
]);
const readyWithinMs = 180_000;

/** Profiles whose firmware, SMM and TPM libvirt itself must provide (paused: nothing boots). */
const firmwareProfiles = [
  {
    name: 'sb-tpm',
    spec: {
      arch: 'amd64',
      secureBoot: true,
      tpm: true,
      guestAgent: true,
      cpus: 1,
      memoryMiB: 256,
      disk: { path: '' },
    },
    firmware: /secure='yes' type='pflash'>[^<]*OVMF_CODE[^<]*\.(ms|secboot)\.fd</,
    tpm: "<tpm model='tpm-crb'>",
  },
  {
    name: 'arm-nvme',
    spec: { arch: 'arm64', tpm: true, cpus: 1, memoryMiB: 256, disk: { path: '', interface: 'nvme' } },
    firmware: /type='pflash'>[^<]*AAVMF_CODE[^<]*\.fd</,
    tpm: "<tpm model='tpm-tis'>",
  },
] as const;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

/**
 * Our libvirt export booted by a real libvirtd: a private session daemon (own directories, started
 * and stopped here) defines and starts the stand-in guest from the domain XML we render (domain type
 * `qemu`, TCG, SeaBIOS, direct kernel boot), and the guest installs, reboots, reports ready on the
 * serial log file and serves SSH through the forwarded port.
 */
describe.skipIf(!tools.available)('libvirt export booted under a real libvirtd (TCG)', () => {
  let dir: string;
  let daemon: PrivateLibvirtd | undefined;
  let sshPort: number;
  const timings: Record<string, number> = {};
  const name = 'lvstandin';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'export-libvirt-'));
    const guest = await buildStandinGuest({ cacheDir: defaultStandinCacheDir() });
    // The daemon's user reads everything from `dir` (a root runner's cache is not readable by nobody).
    copyFileSync(guest.kernel, join(dir, 'vmlinuz'));
    copyFileSync(guest.initrd, join(dir, 'initrd.img'));
    execFileSync(tools.paths['ssh-keygen'] as string, [
      '-q',
      '-t',
      'ed25519',
      '-N',
      '',
      '-f',
      join(dir, 'key'),
    ]);
    const answerFile = `<unattend xmlns="urn:schemas-microsoft-com:unattend"><settings pass="specialize"><component name="Microsoft-Windows-Shell-Setup"><ComputerName>${name}</ComputerName></component></settings></unattend>\n`;
    const files = {
      'provision.ps1': 'Write-Output "provisioning"\r\n',
      authorized_keys: readFileSync(join(dir, 'key.pub'), 'utf8'),
    };
    await writeIso(cidataLayout({ answerFile, files }), join(dir, 'cidata.iso'));
    execFileSync(tools.paths['qemu-img'] as string, [
      'create',
      '-q',
      '-f',
      'qcow2',
      join(dir, 'disk.qcow2'),
      '64M',
    ]);
    sshPort = await freePort();
    const xml = renderLibvirtDomain(
      {
        name,
        arch: 'amd64',
        firmware: 'bios',
        cpus: 1,
        memoryMiB: 384,
        disk: { path: join(dir, 'disk.qcow2') },
        media: { cidata: join(dir, 'cidata.iso') },
        network: { ssh: sshPort },
      },
      {
        domainType: 'qemu',
        userNetwork: 'qemu-commandline',
        serialLog: join(dir, 'serial.log'),
        kernel: {
          kernel: join(dir, 'vmlinuz'),
          initrd: join(dir, 'initrd.img'),
          cmdline: standinKernelCmdline(),
        },
      },
    );
    writeFileSync(join(dir, 'domain.xml'), xml);
    for (const profile of firmwareProfiles) {
      const disk = join(dir, `${profile.name}.qcow2`);
      execFileSync(tools.paths['qemu-img'] as string, ['create', '-q', '-f', 'qcow2', disk, '64M']);
      const spec = { ...profile.spec, name: profile.name, disk: { ...profile.spec.disk, path: disk } };
      writeFileSync(
        join(dir, `${profile.name}.xml`),
        renderLibvirtDomain(spec, { domainType: 'qemu', userNetwork: 'qemu-commandline' }),
      );
    }
    daemon = await startPrivateLibvirtd(join(dir), {
      libvirtd: tools.paths.libvirtd as string,
      virsh: tools.paths.virsh as string,
      setpriv: tools.paths.setpriv as string,
    });
    timings.libvirtdStart = daemon.startSeconds;
  }, 240_000);

  afterAll(async () => {
    for (const domain of [name, ...firmwareProfiles.map((p) => p.name)]) daemon?.virsh(['destroy', domain]);
    await daemon?.stop();
    console.log(`libvirt boot timings (s): ${JSON.stringify(timings)}`);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('libvirtd defines and starts the domain from our XML as written', () => {
    const lv = daemon as PrivateLibvirtd;
    const started = Date.now();
    const define = lv.virsh(['define', join(dir, 'domain.xml')]);
    expect(define.stderr).toBe('');
    expect(define.status).toBe(0);
    const start = lv.virsh(['start', name]);
    expect(start.stderr).toBe('');
    timings.defineAndStart = (Date.now() - started) / 1000;
    expect(lv.virsh(['domstate', name]).stdout.trim()).toBe('running');
    const live = lv.virsh(['dumpxml', name]).stdout;
    expect(live).toContain(`<source path='${join(dir, 'serial.log')}'/>`);
    expect(live).toContain(`hostfwd=tcp:127.0.0.1:${sshPort}-:22`);
  });

  test.each(firmwareProfiles)(
    '$name: libvirt picks the firmware by descriptor, runs swtpm and starts QEMU',
    ({ name: domain, firmware, tpm }) => {
      const lv = daemon as PrivateLibvirtd;
      expect(lv.virsh(['define', join(dir, `${domain}.xml`)]).stderr).toBe('');
      const start = lv.virsh(['start', '--paused', domain]);
      expect(start.stderr).toBe('');
      const live = lv.virsh(['dumpxml', domain]).stdout;
      expect(live).toMatch(firmware);
      expect(live).toContain(tpm);
      expect(lv.virsh(['domstate', domain]).stdout.trim()).toBe('paused');
      lv.virsh(['destroy', domain]);
    },
    60_000,
  );

  test(
    'the guest installs, reboots, reports ready on the serial log and serves SSH on the forwarded port',
    async () => {
      const log = join(dir, 'serial.log');
      const started = Date.now();
      const lines = (): string[] =>
        existsSync(log) ? (readFileSync(log, 'utf8').match(/WINGUEST [^\r\n]*/g) ?? []) : [];
      while (!lines().includes('WINGUEST ready') && Date.now() - started < readyWithinMs) await sleep(1000);
      timings.ready = (Date.now() - started) / 1000;
      expect(lines()).toContain('WINGUEST ready');
      expect(lines()[0]).toBe('WINGUEST setup start');
      expect(lines()).toContain('WINGUEST specialize start');
      const hostname = execFileSync(
        tools.paths.ssh as string,
        [
          '-i',
          join(dir, 'key'),
          '-p',
          String(sshPort),
          '-o',
          'BatchMode=yes',
          '-o',
          'StrictHostKeyChecking=no',
          '-o',
          'UserKnownHostsFile=/dev/null',
          '-o',
          'ConnectTimeout=20',
          'root@127.0.0.1',
          'hostname',
        ],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 60_000 },
      );
      timings.ssh = (Date.now() - started) / 1000;
      expect(hostname.trim()).toBe(name);
    },
    readyWithinMs + 60_000,
  );
});
