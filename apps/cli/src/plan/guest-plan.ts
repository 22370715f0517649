import { type AnswerFileSpec, presets } from '@winguest/answerfile';
import { type ProvisionSpecInput, renderLauncher } from '@winguest/provision-scripts';
import type { Config } from '../config/config-schema';
import { deepMerge } from './deep-merge';

/** Name of the provisioning script, in the output folder and in `winguest/` on the media. */
export const provisionScriptName = 'first-logon.ps1';
/** Name of the OpenSSH MSI on the media, when one is given. */
export const opensshMsiName = 'OpenSSH.msi';

export interface GuestPlanInput {
  config: Config;
  arch: 'amd64' | 'arm64';
  password: string;
  /** The public keys to authorise (may be empty). */
  sshKeys: readonly string[];
  /** Edition as resolved against the media (or the configured one). */
  edition: { name: string } | { index: number } | undefined;
  /** SHA-256 of the OpenSSH MSI when `media.opensshMsi` is set. */
  opensshMsiSha256: string | undefined;
}

export interface GuestPlan {
  answer: AnswerFileSpec;
  provision: ProvisionSpecInput;
  launcher: string;
}

/**
 * What the guest does, as plain specs: the family preset with the config's choices, the launcher as
 * the one FirstLogonCommand, serial progress on, then the config's `answer`/`provision` overrides.
 */
export function planGuest(input: GuestPlanInput): GuestPlan {
  const { config } = input;
  const launcher = renderLauncher({ script: provisionScriptName });
  const preset = presets[config.family]({
    user: { name: config.user.name, password: input.password },
    arch: input.arch,
    firmware: config.firmware,
    computerName: config.computerName,
    timeZone: config.timeZone,
    uiLanguage: config.uiLanguage,
    ...(config.productKey ? { productKey: config.productKey } : {}),
    firstLogonCommands: [launcher],
  });
  const edition = input.edition ?? {};
  const bypass = config.bypassHardwareChecks ?? !(config.vm.tpm && config.vm.secureBoot);
  const answer: AnswerFileSpec = deepMerge(
    {
      ...preset,
      edition: { ...preset.edition, ...edition },
      ...(config.family === 'windows11' ? { bypassHardwareChecks: bypass } : {}),
      progress: true,
    },
    config.answer,
  );
  const provision: ProvisionSpecInput = deepMerge(
    {
      power: {},
      openssh: {
        strategy: config.ssh.strategy,
        port: config.ssh.port,
        ...(input.opensshMsiSha256 ? { msi: { path: opensshMsiName, sha256: input.opensshMsiSha256 } } : {}),
      },
      ...(input.sshKeys.length > 0 ? { authorizedKeys: { keys: [...input.sshKeys] } } : {}),
      defaultShell: { shell: config.ssh.shell },
      secretsCleanup: {},
    },
    config.provision,
  );
  return { answer, provision, launcher };
}
