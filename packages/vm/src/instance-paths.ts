import { join } from 'node:path';
import { defaultHome } from './state-dir';

/** What an instance name may be: used as a directory name and in QEMU's `-name`. */
export const instanceNamePattern = /^[a-z0-9][a-z0-9._-]{0,62}$/i;

/** Every file of one instance (see the README's layout). */
export interface InstancePaths {
  /** The instance directory. */
  dir: string;
  /** Config snapshot (`up` options with chosen ports), JSON. */
  config: string;
  /** State file (`created → installing → ready → stopped`, with timestamps), JSON. */
  state: string;
  /** Lock file holding the pid and process start time of the command driving the instance. */
  lock: string;
  /** The system disk (qcow2). */
  disk: string;
  /** The writable UEFI variables store (qcow2, converted from the firmware's template). */
  vars: string;
  /** The raw vars copy of an instance made before vars were kept in qcow2 (used when present). */
  rawVars: string;
  /** swtpm's state directory. */
  tpmState: string;
  /** swtpm's control socket. */
  tpmSocket: string;
  /** swtpm's pid file and log. */
  tpmPid: string;
  tpmLog: string;
  /** The cidata ISO (deleted after `ready` unless kept). */
  cidata: string;
  /** The first serial port of the current (or last) boot. */
  serialLog: string;
  /** The serial log of the boot before. */
  previousSerialLog: string;
  /** QEMU's stderr. */
  qemuLog: string;
  /** QMP socket. */
  qmpSocket: string;
  /** QEMU's pid file. */
  qemuPid: string;
  /** The guest agent channel's socket (with `guestAgent`). */
  qgaSocket: string;
  /** Screenshots (`0001-firmware.png`, …). */
  screenshots: string;
  /** Host-side SSH key pair (OpenSSH format) and the guest's host key. */
  sshKey: string;
  sshPublicKey: string;
  knownHosts: string;
  /** The connection agent's socket (mode 0600; on Windows a named pipe derived from `dir`). */
  sshAgentSocket: string;
  /** The connection agent's pid file and log (lifecycle lines only, never commands or keys). */
  sshAgentPid: string;
  sshAgentLog: string;
}

/** The paths of instance `name` under `home` (default {@link defaultHome}). Creates nothing. */
export function instancePaths(name: string, home: string = defaultHome()): InstancePaths {
  return instancePathsIn(join(home, 'instances', name));
}

/** The same layout inside `dir` (a staging folder while an instance is created). Internal. */
export function instancePathsIn(dir: string): InstancePaths {
  const at = (file: string) => join(dir, file);
  return {
    dir,
    config: at('config.json'),
    state: at('state.json'),
    lock: at('lock'),
    disk: at('disk.qcow2'),
    vars: at('vars.qcow2'),
    rawVars: at('vars.fd'),
    tpmState: at('tpm'),
    tpmSocket: at('swtpm.sock'),
    tpmPid: at('swtpm.pid'),
    tpmLog: at('swtpm.log'),
    cidata: at('cidata.iso'),
    serialLog: at('serial.log'),
    previousSerialLog: at('serial.previous.log'),
    qemuLog: at('qemu.log'),
    qmpSocket: at('qmp.sock'),
    qemuPid: at('qemu.pid'),
    qgaSocket: at('qga.sock'),
    screenshots: at('screenshots'),
    sshKey: at('id_ed25519'),
    sshPublicKey: at('id_ed25519.pub'),
    knownHosts: at('known_hosts'),
    sshAgentSocket:
      process.platform === 'win32'
        ? `\\\\.\\pipe\\winguest-${process.getBuiltinModule('node:crypto').createHash('sha256').update(dir).digest('hex').slice(0, 16)}`
        : at('ssh-agent.sock'),
    sshAgentPid: at('ssh-agent.pid'),
    sshAgentLog: at('ssh-agent.log'),
  };
}
