import { toWindowsTimeZone } from '../time-zone/time-zone';
import type { SpecFields } from './spec-fields';
import type { WindowsFamily } from './target-schema';

/** The `/IMAGE/NAME` each family installs unless the spec says otherwise. */
export const defaultEditionNames: Readonly<Record<WindowsFamily, string>> = {
  windows10: 'Windows 10 Pro',
  windows11: 'Windows 11 Pro',
  server2022: 'Windows Server 2022 SERVERSTANDARD',
  server2025: 'Windows Server 2025 SERVERSTANDARD',
};

/** A command with its description, as every command list holds it after resolution. */
export interface ResolvedCommand {
  /** The command line (a `Path` in windowsPE and specialize, a `CommandLine` at first logon). */
  command: string;
  /** Optional description. */
  description?: string;
}

type CommandInput = string | { command: string; description?: string | undefined };

function toCommand(input: CommandInput): ResolvedCommand {
  if (typeof input === 'string') return { command: input };
  return input.description === undefined
    ? { command: input.command }
    : { ...input, description: input.description };
}

function resolveEdition({ edition, target }: SpecFields) {
  const productKey = edition.productKey?.toUpperCase();
  const key = { ...(productKey ? { productKey } : {}) };
  if (edition.index !== undefined) return { key: '/IMAGE/INDEX', value: String(edition.index), ...key };
  if (edition.description !== undefined)
    return { key: '/IMAGE/DESCRIPTION', value: edition.description, ...key };
  return { key: '/IMAGE/NAME', value: edition.name ?? defaultEditionNames[target.family], ...key };
}

function resolveAutoLogon({ identity }: SpecFields) {
  const { autoLogon, accounts } = identity;
  if (!autoLogon) return undefined;
  const username = autoLogon.username ?? accounts.find((a) => a.group === 'Administrators')?.name ?? '';
  const account = accounts.find((a) => a.name.toLowerCase() === username.toLowerCase());
  const password = account ? account.password : (identity.administratorPassword ?? '');
  return { username: account?.name ?? username, password, count: autoLogon.count };
}

/** Applies family defaults and derived values; runs only on a spec that passed every check. */
export function resolveSpec(spec: SpecFields) {
  const { locale, target } = spec;
  return {
    ...spec,
    edition: resolveEdition(spec),
    locale: {
      uiLanguage: locale.uiLanguage,
      setupUiLanguage: locale.setupUiLanguage ?? locale.uiLanguage,
      inputLocales: locale.inputLocales ?? [locale.uiLanguage],
      systemLocale: locale.systemLocale ?? locale.uiLanguage,
      userLocale: locale.userLocale ?? locale.uiLanguage,
      timeZone: toWindowsTimeZone(locale.timeZone) ?? locale.timeZone,
    },
    identity: { ...spec.identity, autoLogon: resolveAutoLogon(spec) },
    oobe: { ...spec.oobe, hideLocalAccountScreen: target.family.startsWith('server') },
    bypassHardwareChecks: target.family === 'windows11' ? (spec.bypassHardwareChecks ?? true) : false,
    commands: {
      windowsPE: spec.commands.windowsPE.map(toCommand),
      specialize: spec.commands.specialize.map(toCommand),
      firstLogon: spec.commands.firstLogon.map(toCommand),
    },
  };
}
