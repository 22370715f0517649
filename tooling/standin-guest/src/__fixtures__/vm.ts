import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { MiniQmp } from './qmp.ts';

/** What a test boots: the guest build, the media, the disk, and devices from the amd64 sets. */
export interface VmSpec {
  dir: string;
  kernel: string;
  initrd: string;
  append: string;
  cidataIso: string;
  disk: string;
  /** `ahci` (SATA disk, e1000e) or `virtio` (virtio-blk disk, virtio-net). */
  devices: 'ahci' | 'virtio';
}

/** A running QEMU (TCG, SeaBIOS, `-kernel/-initrd/-append`) with its serial log, QMP and SSH port. */
export interface RunningVm {
  process: ResultPromise;
  /** Whether QEMU has exited (execa's promise settled). */
  exited(): boolean;
  qmp: MiniQmp;
  sshPort: number;
  serialLog: string;
  /** Serial output so far, CRLF turned into LF. */
  serial(): Promise<string>;
  /** Waits until the serial output matches `pattern`; fails with the output when it does not. */
  waitForSerial(pattern: RegExp, timeoutMs: number): Promise<string>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

export function qemuArgs(spec: VmSpec, sshPort: number): string[] {
  const disk =
    spec.devices === 'ahci'
      ? ['-device', 'ide-hd,bus=ahci.1,drive=disk0']
      : ['-device', 'virtio-blk-pci,drive=disk0'];
  const nic = spec.devices === 'ahci' ? 'e1000e' : 'virtio-net-pci';
  return [
    ...['-machine', 'q35', '-accel', 'tcg', '-m', '384', '-smp', '1', '-display', 'none'],
    ...['-nodefaults', '-no-user-config', '-name', 'standin-test'],
    ...['-kernel', spec.kernel, '-initrd', spec.initrd, '-append', spec.append],
    ...['-device', 'ahci,id=ahci'],
    ...['-drive', `if=none,id=cidata,media=cdrom,readonly=on,file=${spec.cidataIso}`],
    ...['-device', 'ide-cd,bus=ahci.0,drive=cidata,id=cd0'],
    ...['-drive', `if=none,id=disk0,format=qcow2,file=${spec.disk}`, ...disk],
    ...['-netdev', `user,id=net0,hostfwd=tcp:127.0.0.1:${sshPort}-:22`, '-device', `${nic},netdev=net0`],
    ...['-serial', `file:${join(spec.dir, 'serial.log')}`],
    ...['-qmp', `unix:${join(spec.dir, 'qmp.sock')},server=on,wait=off`],
  ];
}

export async function startVm(spec: VmSpec): Promise<RunningVm> {
  const sshPort = await freePort();
  const serialLog = join(spec.dir, 'serial.log');
  const child = execa('qemu-system-x86_64', qemuArgs(spec, sshPort), { reject: false, cleanup: true });
  let exited = false;
  void child.finally(() => {
    exited = true;
  });
  const serial = async () => (await readFile(serialLog, 'utf8').catch(() => '')).replaceAll('\r\n', '\n');
  const waitForSerial = async (pattern: RegExp, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = await serial();
      if (pattern.test(text)) return text;
      if (Date.now() > deadline || exited) {
        throw new Error(
          `serial never matched ${pattern} (QEMU ${exited ? 'exited' : 'still running'}):\n${text}`,
        );
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  const qmp = await MiniQmp.connect(join(spec.dir, 'qmp.sock'));
  return { process: child, exited: () => exited, qmp, sshPort, serialLog, serial, waitForSerial };
}

/** Kills QEMU if it still runs and waits for it, so no test leaves a process behind. */
export async function stopVm(vm: RunningVm | undefined): Promise<void> {
  if (!vm) return;
  vm.qmp.close();
  if (!vm.exited()) vm.process.kill('SIGKILL');
  await vm.process;
}

/** Only the `WINGUEST …` lines, seconds replaced by `<s>` so sequences compare exactly. */
export function progressLines(serial: string): string[] {
  return serial
    .split('\n')
    .filter((line) => line.startsWith('WINGUEST '))
    .map((line) => line.replace(/^(WINGUEST \S+ (?:ok|fail|skip)) \d+\.\d\d/, '$1 <s>'));
}
