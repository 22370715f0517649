import { VmError } from './errors';
import type { VmEventInput } from './events';
import type { InstancePaths } from './instance-paths';
import { runningPid, waitForExit } from './processes';
import { sshRun } from './ssh-client';
import { sshConnection, sshTarget } from './ssh-connection';
import type { InstanceConfig } from './up-options';

/** Where the generalize answer file is written inside the guest. */
export const sysprepAnswerPath = 'C:\\Windows\\Temp\\winguest-generalize.xml';

/**
 * The guest commands that generalize Windows: write the answer file (base64, so no shell quoting
 * can change it; the same line works from cmd, Windows PowerShell and pwsh), then run sysprep,
 * which powers the guest off when done.
 */
export function sysprepCommands(answerFile: string): { writeAnswerFile: string; sysprep: string } {
  const base64 = Buffer.from(answerFile, 'utf8').toString('base64');
  return {
    writeAnswerFile: `powershell.exe -NoProfile -NonInteractive -Command "[IO.File]::WriteAllBytes('${sysprepAnswerPath}', [Convert]::FromBase64String('${base64}'))"`,
    sysprep: `C:\\Windows\\System32\\Sysprep\\sysprep.exe /generalize /oobe /shutdown /mode:vm /unattend:${sysprepAnswerPath}`,
  };
}

/**
 * Generalizes a running instance over SSH and waits until QEMU exits (sysprep shuts the guest
 * down). The SSH session of sysprep itself may end with the connection: that is not a failure.
 * @throws VmError `ssh-failed` when the answer file cannot be written or sysprep exits non-zero,
 *   `stage-timeout` when the guest is still running after `timeoutMs`.
 */
export async function generalizeGuest(input: {
  paths: InstancePaths;
  config: InstanceConfig;
  answerFile: string;
  timeoutMs: number;
  emit: (event: VmEventInput) => void;
}): Promise<void> {
  const { paths, config } = input;
  const target = sshTarget(sshConnection(paths, config));
  const commands = sysprepCommands(input.answerFile);
  const written = await sshRun(target, commands.writeAnswerFile, 60_000);
  if (written.exitCode !== 0) {
    throw new VmError(
      'ssh-failed',
      `Could not write ${sysprepAnswerPath} in "${config.name}" (exit ${written.exitCode}): ${written.stderr.trim()}`,
    );
  }
  input.emit({ type: 'action', action: 'sysprep-started', message: commands.sysprep });
  const pid = runningPid(paths.qemuPid);
  const ran = await sshRun(target, commands.sysprep, input.timeoutMs).catch(() => undefined);
  if (ran && ran.exitCode !== 0 && ran.exitCode !== null) {
    throw new VmError(
      'ssh-failed',
      `sysprep failed in "${config.name}" (exit ${ran.exitCode}): ${ran.stderr.trim()}`,
    );
  }
  if (pid !== undefined && !(await waitForExit(pid, input.timeoutMs))) {
    throw new VmError(
      'stage-timeout',
      `"${config.name}" was still running ${Math.round(input.timeoutMs / 1000)} s after sysprep; look at its screen (winguest screenshot).`,
    );
  }
  input.emit({ type: 'action', action: 'guest-powered-off', message: 'sysprep shut the guest down' });
}
