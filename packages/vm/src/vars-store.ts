import { chmodSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tempPathFor } from '@winguest/shell';
import { VmError } from './errors';
import type { VmHost } from './host-probe';
import type { InstancePaths } from './instance-paths';
import { runQemuImg } from './qemu-img';

/** A UEFI variables store on disk and how QEMU must open it. */
export interface VarsFile {
  path: string;
  format: 'raw' | 'qcow2';
}

/**
 * The vars store of an instance or image: `vars.qcow2`, or the raw `vars.fd` of one made before
 * vars were kept in qcow2 (it keeps working as it is; only snapshots need qcow2).
 */
export function varsFile(paths: { vars: string; rawVars: string }): VarsFile {
  return existsSync(paths.rawVars) && !existsSync(paths.vars)
    ? { path: paths.rawVars, format: 'raw' }
    : { path: paths.vars, format: 'qcow2' };
}

/**
 * Writes `to` as a qcow2 copy of the vars in `from` (a firmware template, an instance's or an
 * image's store), through a temporary file and a rename, with `mode`.
 * @throws VmError `command-failed` with qemu-img's message.
 */
export async function writeQcow2Vars(qemuImg: string, from: VarsFile, to: string, mode = 0o600) {
  const temp = tempPathFor(to);
  try {
    await runQemuImg(
      qemuImg,
      ['convert', '-q', '-f', from.format, '-O', 'qcow2', from.path, temp],
      `convert the UEFI vars ${from.path}`,
    );
    chmodSync(temp, mode);
    renameSync(temp, to);
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * Makes an instance's vars store once (UEFI): a qcow2 conversion of the firmware's template, which
 * then holds the VM's boot entries. An existing store (qcow2, or an older raw one) is kept. Also
 * makes the TPM state directory when swtpm is there.
 */
export async function ensureVars(paths: InstancePaths, host: VmHost): Promise<void> {
  const template = host.firmware?.varsTemplate;
  if (template && !existsSync(varsFile(paths).path))
    await writeQcow2Vars(host.qemuImg, { path: template, format: 'raw' }, paths.vars);
  if (host.swtpm) mkdirSync(paths.tpmState, { recursive: true, mode: 0o700 });
}

/**
 * Refuses a snapshot of a UEFI instance whose vars are still raw (QEMU's savevm needs every
 * writable drive in qcow2), naming the one-time conversion that fixes it.
 * @throws VmError `invalid-options`.
 */
export function assertSnapshotVars(paths: InstancePaths, instance: string, firmware: string): void {
  if (firmware !== 'uefi' || varsFile(paths).format !== 'raw') return;
  throw new VmError(
    'invalid-options',
    `Instance "${instance}" keeps its UEFI vars in a raw file (${paths.rawVars}, made by an older ` +
      "winguest), and QEMU's savevm needs every writable drive in qcow2. Stop the instance and convert " +
      `them once: qemu-img convert -f raw -O qcow2 ${paths.rawVars} ${paths.vars} && rm ${paths.rawVars}`,
  );
}
