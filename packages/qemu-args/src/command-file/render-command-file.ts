import { buildQemuArgs } from '../build-qemu-args';
import { virtiofsdCommand } from '../virtiofsd-command';
import { vmSpecSchema } from '../vm-spec';
import { type CommandFile, type CommandFileInput, isoPlaceholder } from './command-file-options';
import { posixCommandFile, type ScriptPlan } from './posix-command-file';
import { powershellCommandFile } from './powershell-command-file';

/**
 * Renders `qemu.sh` or `qemu.ps1` for a VM: the argv of `buildQemuArgs` with the Windows ISO
 * taken from the script's first argument (the spec's as default), the disk, UEFI vars and TPM
 * state prepared, swtpm (and, in `qemu.sh`, one virtiofsd per share) run for as long as QEMU runs, and further arguments passed to QEMU.
 * Pure and deterministic.
 * @throws InvalidQemuSpecError listing every problem of the spec/host.
 */
export function renderCommandFile(input: CommandFileInput): CommandFile {
  const spec = vmSpecSchema.parse(input.spec);
  const { binary, args, warnings } = buildQemuArgs(
    { ...spec, media: { ...spec.media, windows: isoPlaceholder } },
    input.host,
  );
  const argv = [binary, ...args];
  const varsTemplate = input.host.firmware?.varsTemplate;
  const virtiofsd = input.shell === 'posix' ? input.virtiofsd : undefined;
  const plan: ScriptPlan = {
    argv,
    windowsIso: spec.media.windows,
    disk: { path: spec.disk.path, format: spec.disk.format, sizeGiB: input.diskSizeGiB },
    vars:
      input.host.varsPath && varsTemplate
        ? { path: input.host.varsPath, template: varsTemplate, format: input.host.varsFormat ?? 'raw' }
        : undefined,
    tpm:
      spec.tpm && input.host.tpmSocket
        ? { stateDir: input.tpmStateDir ?? 'tpm', socket: input.host.tpmSocket }
        : undefined,
    virtiofsd: virtiofsd
      ? virtiofsd.shares.map((share) => ({
          name: `virtiofsd for share "${share.tag}"`,
          socket: share.socket,
          // The script may run unprivileged: the Rust daemon then needs --sandbox=none (root: false).
          command: virtiofsdCommand(virtiofsd.daemon, share),
        }))
      : [],
  };
  const shown = spec.media.windows ?? '<windows.iso>';
  return {
    name: input.shell === 'posix' ? 'qemu.sh' : 'qemu.ps1',
    text: input.shell === 'posix' ? posixCommandFile(plan) : powershellCommandFile(plan),
    argv: argv.map((arg) => arg.replace(isoPlaceholder, shown.replaceAll(',', ',,'))),
    warnings: warnings.map((w) => `${w.path}: ${w.message}`),
  };
}
