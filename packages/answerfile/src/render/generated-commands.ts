import type { ResolvedCommand } from '../spec/resolve-spec';

/**
 * The LabConfig values that let Windows 11 Setup skip its hardware checks: TPM, Secure Boot and RAM
 * (Microsoft documents these), CPU and storage (read by the same check and set by working tools;
 * needed with TCG or older host CPUs and small disks, harmless where unread).
 */
export const labConfigBypasses = [
  'BypassTPMCheck',
  'BypassSecureBootCheck',
  'BypassRAMCheck',
  'BypassCPUCheck',
  'BypassStorageCheck',
] as const;

function regAddDword(key: string, name: string, data: number): string {
  return `reg.exe add "${key}" /v ${name} /t REG_DWORD /d ${data} /f`;
}

/** windowsPE: set the LabConfig bypasses before Setup checks the hardware. */
export function hardwareCheckBypassCommands(): ResolvedCommand[] {
  return labConfigBypasses.map((name) => ({
    command: regAddDword('HKLM\\SYSTEM\\Setup\\LabConfig', name, 1),
    description: `Windows 11 requirements: ${name}`,
  }));
}

/** specialize: allow OOBE to finish without a network connection. */
export function bypassNroCommand(): ResolvedCommand {
  return {
    command: regAddDword('HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\OOBE', 'BypassNRO', 1),
    description: 'OOBE without a network',
  };
}

/**
 * First logon: Windows signs in once more than LogonCount; resetting the counter makes a single
 * automatic sign-in exactly one.
 */
export function autoLogonResetCommand(): ResolvedCommand {
  return {
    command: regAddDword(
      'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon',
      'AutoLogonCount',
      0,
    ),
    description: 'Sign in automatically exactly once',
  };
}

/** A `WINGUEST <stage> start` progress line on the first serial port (the progress protocol). */
export function progressCommand(stage: string): ResolvedCommand {
  return { command: `cmd.exe /c echo WINGUEST ${stage} start>COM1`, description: `Progress: ${stage} start` };
}
