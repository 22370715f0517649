import { type AnswerFileSpec, presets } from '@winguest/answerfile';
import { renderLauncher } from '@winguest/provision-scripts';
import { deepMerge } from './_deep-merge';
import type { EditionSelector } from './edition';
import type { Guest } from './guest-schema';
import { mediaFileNames } from './media-names';

/** What the answer file needs besides the description. */
export interface AnswerFileFacts {
  /** The account's password (a secret: it ends up encoded in the answer file, nowhere else). */
  password: string;
  /** Media architecture, when the description leaves `arch` out and the media tells. */
  arch?: 'amd64' | 'arm64';
  /** The edition as resolved against the media (see `chooseEdition`); default: the described one. */
  edition?: EditionSelector;
}

/** The guest's architecture: the described one, else the media's, else amd64. */
export function guestArch(guest: Pick<Guest, 'arch'>, mediaArch?: 'amd64' | 'arm64'): 'amd64' | 'arm64' {
  return guest.arch ?? mediaArch ?? 'amd64';
}

/**
 * The answer-file spec: the family preset with the description's choices, the provisioning
 * launcher as the one FirstLogonCommand, serial progress on, then the description's `answer`
 * overrides. Pure; render it with `renderAnswerFile`.
 */
export function planAnswerFile(guest: Guest, facts: AnswerFileFacts): AnswerFileSpec {
  const preset = presets[guest.family]({
    user: { name: guest.user.name, password: facts.password },
    arch: guestArch(guest, facts.arch),
    firmware: guest.firmware,
    computerName: guest.computerName,
    timeZone: guest.timeZone,
    uiLanguage: guest.uiLanguage,
    ...(guest.productKey ? { productKey: guest.productKey } : {}),
    firstLogonCommands: [renderLauncher({ script: mediaFileNames.provisionScript })],
  });
  // As described (so answerfile reports a description that names two selectors), or as the media resolved it.
  const selector =
    facts.edition ?? (typeof guest.edition === 'string' ? { name: guest.edition } : guest.edition) ?? {};
  const bypass = guest.bypassHardwareChecks ?? !(guest.vm.tpm && guest.vm.secureBoot);
  return deepMerge(
    {
      ...preset,
      edition: { ...selector, ...(guest.productKey ? { productKey: guest.productKey } : {}) },
      ...(guest.family === 'windows11' ? { bypassHardwareChecks: bypass } : {}),
      progress: true,
    },
    guest.answer,
  );
}
