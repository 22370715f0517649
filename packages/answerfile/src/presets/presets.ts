import type { AnswerFileSpec } from '../spec/answer-file-spec';
import type { WindowsFamily } from '../spec/target-schema';

type FirstLogonCommands = NonNullable<NonNullable<AnswerFileSpec['commands']>['firstLogon']>;

/** The few choices a preset needs; everything else takes the family's defaults. */
export interface PresetOptions {
  /** The administrator account to create; it signs in automatically once so FirstLogonCommands run. */
  user: { name: string; password: string };
  /** Media architecture; default `amd64`. */
  arch?: 'amd64' | 'arm64';
  /** VM firmware; default `uefi`. */
  firmware?: 'uefi' | 'bios';
  /** Computer name; default `*` (random). */
  computerName?: string;
  /** Windows time zone ID or IANA name; default `UTC`. */
  timeZone?: string;
  /** Display language of the media; default `en-US`. */
  uiLanguage?: string;
  /** `/IMAGE/NAME` of the image; default per family (e.g. "Windows 11 Pro"). */
  edition?: string;
  /** Product key; default none (Setup asks only if the media needs one). */
  productKey?: string;
  /** Commands at the first sign-in, e.g. the provisioning launcher. */
  firstLogonCommands?: FirstLogonCommands;
}

function preset(family: WindowsFamily, options: PresetOptions): AnswerFileSpec {
  return {
    target: { arch: options.arch ?? 'amd64', firmware: options.firmware ?? 'uefi', family },
    edition: {
      ...(options.edition === undefined ? {} : { name: options.edition }),
      ...(options.productKey === undefined ? {} : { productKey: options.productKey }),
    },
    locale: { uiLanguage: options.uiLanguage ?? 'en-US', timeZone: options.timeZone ?? 'UTC' },
    identity: {
      computerName: options.computerName ?? '*',
      accounts: [{ name: options.user.name, password: options.user.password, group: 'Administrators' }],
      autoLogon: { username: options.user.name, count: 1 },
    },
    oobe: { bypassNetworkRequirement: !family.startsWith('server') },
    commands: { firstLogon: options.firstLogonCommands ?? [] },
  };
}

/**
 * Specs for each Windows release with the choices a VM install wants: one administrator that
 * signs in once (so FirstLogonCommands run), OOBE without network, Dynamic Update off, and for
 * Windows 11 the hardware-check bypass. They return specs (plain data) to adjust before rendering.
 */
export const presets = {
  /** Windows 10 (default image "Windows 10 Pro"). */
  windows10: (options: PresetOptions): AnswerFileSpec => preset('windows10', options),
  /** Windows 11 (default image "Windows 11 Pro"; hardware checks bypassed unless you set false). */
  windows11: (options: PresetOptions): AnswerFileSpec => preset('windows11', options),
  /** Windows Server 2022 (default image "Windows Server 2022 SERVERSTANDARD", Desktop Experience). */
  server2022: (options: PresetOptions): AnswerFileSpec => preset('server2022', options),
  /** Windows Server 2025 (default image "Windows Server 2025 SERVERSTANDARD", Desktop Experience). */
  server2025: (options: PresetOptions): AnswerFileSpec => preset('server2025', options),
} as const;
