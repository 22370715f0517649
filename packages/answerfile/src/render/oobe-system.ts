import { encodePassword } from '@winguest/password-encoding';
import type { ResolvedAnswerFileSpec } from '../spec/answer-file-spec';
import { firstLogonCommands } from './command-lists';
import { component, settings } from './component';
import { autoLogonResetCommand } from './generated-commands';
import { element, listItem, value, type XmlTree } from './xml-tree';

type Identity = ResolvedAnswerFileSpec['identity'];

function password(name: 'Password' | 'AdministratorPassword', plain: string): XmlTree {
  return element(name, value('PlainText', false), value('Value', encodePassword(plain, name)));
}

/** Windows signs in LogonCount + 1 times; one sign-in is LogonCount 1 plus a counter reset. */
export function logonCountFor(count: number): number {
  return count === 1 ? 1 : count - 1;
}

function autoLogon({ autoLogon }: Identity): XmlTree | undefined {
  if (!autoLogon) return undefined;
  return element(
    'AutoLogon',
    value('Enabled', true),
    value('LogonCount', logonCountFor(autoLogon.count)),
    password('Password', autoLogon.password),
    value('Username', autoLogon.username),
  );
}

function userAccounts(identity: Identity): XmlTree {
  const accounts = identity.accounts.map((account) =>
    listItem('LocalAccount', [
      account.description === undefined ? undefined : value('Description', account.description),
      value('DisplayName', account.displayName ?? account.name),
      value('Group', account.group),
      value('Name', account.name),
      password('Password', account.password),
    ]),
  );
  const admin = identity.administratorPassword;
  return element(
    'UserAccounts',
    admin === undefined ? undefined : password('AdministratorPassword', admin),
    element('LocalAccounts', ...accounts),
  );
}

function oobe({ oobe }: ResolvedAnswerFileSpec): XmlTree {
  return element(
    'OOBE',
    value('HideEULAPage', true),
    oobe.hideLocalAccountScreen ? value('HideLocalAccountScreen', true) : undefined,
    value('HideOEMRegistrationScreen', true),
    value('HideOnlineAccountScreens', true),
    value('HideWirelessSetupInOOBE', true),
    value('ProtectYourPC', 3),
  );
}

/** The oobeSystem pass: languages, OOBE skips, accounts, AutoLogon and FirstLogonCommands. */
export function renderOobeSystem(spec: ResolvedAnswerFileSpec): XmlTree | undefined {
  const { arch } = spec.target;
  const { locale, identity } = spec;
  const reset = identity.autoLogon?.count === 1 ? [autoLogonResetCommand()] : [];
  return settings('oobeSystem', [
    component('Microsoft-Windows-International-Core', arch, [
      value('InputLocale', locale.inputLocales.join(';')),
      value('SystemLocale', locale.systemLocale),
      value('UILanguage', locale.uiLanguage),
      value('UserLocale', locale.userLocale),
    ]),
    component('Microsoft-Windows-Shell-Setup', arch, [
      autoLogon(identity),
      firstLogonCommands([...reset, ...spec.commands.firstLogon]),
      oobe(spec),
      userAccounts(identity),
    ]),
  ]);
}
