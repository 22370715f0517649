import type { Virtiofsd } from '../probe/virtiofsd';
import type { QemuHostInput } from '../qemu-host';
import type { VirtiofsdShare } from '../virtiofsd-command';
import type { VmSpecInput } from '../vm-spec';

/** The shells a command file is written for. */
export type CommandFileShell = 'posix' | 'powershell';

/**
 * A command file: a script that prepares a VM's files in its own folder and starts QEMU there.
 * Paths in `spec`/`host` that are relative are relative to the script's folder (it changes into it).
 */
export interface CommandFileInput {
  /** The VM; `media.windows` is the built-in ISO (the script's first argument replaces it). */
  spec: VmSpecInput;
  /** Probed host facts and the folder's files (vars copy, QMP socket, serial log, pid, TPM socket). */
  host: QemuHostInput;
  /** `posix` writes `qemu.sh` (sh), `powershell` writes `qemu.ps1` (PowerShell 7). */
  shell: CommandFileShell;
  /** Size of the system disk the script creates with `qemu-img` when `spec.disk.path` is missing. */
  diskSizeGiB: number;
  /** Folder (relative to the script) holding swtpm's state; required with `spec.tpm`. Default `tpm`. */
  tpmStateDir?: string;
  /**
   * virtio-fs (`qemu.sh` only: vhost-user is Linux-only): the probed virtiofsd, run once per share
   * on `socket` (= `host.virtiofsSockets[tag]`, relative to the script) before QEMU, stopped after it.
   */
  virtiofsd?: {
    daemon: Pick<Virtiofsd, 'path' | 'flavour' | 'readOnlyOption'>;
    shares: ReadonlyArray<VirtiofsdShare & { tag: string }>;
  };
}

/** What `renderCommandFile` returns. */
export interface CommandFile {
  /** `qemu.sh` or `qemu.ps1`. */
  name: string;
  /** The script. */
  text: string;
  /** QEMU's argv (binary first), with the built-in ISO, or `<windows.iso>` when there is none. */
  argv: string[];
  /** Warnings of `buildQemuArgs`. */
  warnings: string[];
}

/** Stands for the Windows ISO in the argv; the script puts its ISO variable there. */
export const isoPlaceholder = '/__WINGUEST_WINDOWS_ISO__';
