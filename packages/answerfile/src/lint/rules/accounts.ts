import { passwordFieldsOf } from '@winguest/password-encoding';
import { computerNameProblem, reservedUserNameProblem, userNameProblem } from '../../names';
import { childOf, type XmlElement } from '../../parse/model';
import type { LintRule } from '../lint-types';
import { shellSetupPage } from '../references';
import {
  componentsNamed,
  elementsOf,
  select,
  settingsIn,
  shellSetup,
  trimmed,
  walkWithParent,
} from '../select';

export const computerName: LintRule = {
  id: 'computer-name',
  summary: 'ComputerName: ≤ 15 letters, digits, hyphens; not only digits; or "*".',
  reference: shellSetupPage('ComputerName'),
  check(context) {
    for (const element of settingsIn(context, shellSetup, 'ComputerName')) {
      const name = trimmed(element) ?? '';
      const problem = name === '' ? undefined : computerNameProblem(name);
      if (problem) context.report(element, 'error', `ComputerName ${problem}.`);
    }
  },
};

function localAccounts(context: Parameters<LintRule['check']>[0]): XmlElement[] {
  return settingsIn(context, shellSetup, 'UserAccounts', 'LocalAccounts', 'LocalAccount');
}

export const userName: LintRule = {
  id: 'user-name',
  summary: 'Account names: ≤ 20 characters, none of "/\\[]:;|=,+*?<>@%, not only dots/spaces.',
  reference: shellSetupPage('UserAccounts/LocalAccounts/LocalAccount/Name'),
  check(context) {
    const names = [
      ...select(localAccounts(context), 'Name'),
      ...settingsIn(context, shellSetup, 'AutoLogon', 'Username'),
    ];
    for (const element of names) {
      const problem = element.text === '' ? undefined : userNameProblem(element.text);
      if (problem) context.report(element, 'error', `<${element.name}> ${problem}.`);
    }
  },
};

export const reservedUserName: LintRule = {
  id: 'reserved-user-name',
  summary: 'New local accounts do not take a name Windows reserves.',
  reference: shellSetupPage('UserAccounts/LocalAccounts/LocalAccount/Name'),
  check(context) {
    for (const element of select(localAccounts(context), 'Name')) {
      const problem = reservedUserNameProblem(element.text.trim());
      if (problem) context.report(element, 'error', `LocalAccount name ${problem}.`);
    }
  },
};

export const administratorAccount: LintRule = {
  id: 'administrator-account',
  summary: 'The accounts created include an administrator.',
  reference: shellSetupPage('UserAccounts/LocalAccounts/LocalAccount/Group'),
  check(context) {
    const shell = componentsNamed(context, shellSetup, ['oobeSystem', 'auditSystem']);
    for (const userAccounts of select(elementsOf(shell), 'UserAccounts')) {
      const accounts = select([userAccounts], 'LocalAccounts', 'LocalAccount');
      if (accounts.length === 0) continue;
      const groups = accounts.flatMap((a) => (trimmed(childOf(a, 'Group')) ?? '').split(';'));
      if (groups.some((g) => g.trim().toLowerCase() === 'administrators')) continue;
      if (childOf(userAccounts, 'AdministratorPassword')) continue;
      context.report(
        userAccounts,
        'error',
        'No LocalAccount is in the Administrators group and the built-in Administrator has no password; add <Group>Administrators</Group> to one account.',
      );
    }
  },
};

export const passwordEncoding: LintRule = {
  id: 'password-encoding',
  summary: 'PlainText=false password values decode, with the suffix of their element.',
  reference: shellSetupPage('UserAccounts/AdministratorPassword'),
  check({ model, report }) {
    for (const [element, parent] of walkWithParent(model.root)) {
      if (element.name !== 'Password' && element.name !== 'AdministratorPassword') continue;
      const value = childOf(element, 'Value');
      if (!value || parent.name === 'Credentials') continue;
      if (trimmed(childOf(element, 'PlainText'))?.toLowerCase() !== 'false') {
        report(
          value,
          'info',
          `<${element.name}> is stored in plain text; winguest writes PlainText=false (base64, still not encryption).`,
        );
        continue;
      }
      checkEncoded(element.name, value, report);
    }
  },
};

function checkEncoded(
  field: 'Password' | 'AdministratorPassword',
  value: XmlElement,
  report: Parameters<LintRule['check']>[0]['report'],
): void {
  if (value.text === '*SENSITIVE*DATA*DELETED*') {
    report(
      value,
      'error',
      `<${field}> holds "*SENSITIVE*DATA*DELETED*": this is Windows' cached copy with the password removed; set the password again.`,
    );
    return;
  }
  const fields = passwordFieldsOf(value.text);
  if (field === 'Password' && fields[0] === 'AdministratorPassword') {
    report(
      value,
      'warning',
      '<Password> value was encoded for <AdministratorPassword>: Windows will set a password ending in "Administrator"; re-encode it for <Password>.',
    );
    return;
  }
  if (fields.includes(field)) return;
  const why =
    fields.length > 0
      ? `it was encoded for <${fields[0]}>; re-encode it for <${field}>`
      : `it is not base64 of UTF-16LE text ending in "${field}"; re-encode it`;
  report(
    value,
    'error',
    `<${field}> value does not decode (Setup stops with "Failed to decode password"): ${why}.`,
  );
}

export const autoLogonCount: LintRule = {
  id: 'autologon-count',
  summary: 'AutoLogon LogonCount 1 signs in twice unless AutoLogonCount is reset.',
  reference: shellSetupPage('AutoLogon/LogonCount'),
  check(context) {
    const shell = elementsOf(componentsNamed(context, shellSetup));
    const resets = select(shell, 'FirstLogonCommands', 'SynchronousCommand', 'CommandLine').some((c) =>
      /AutoLogonCount/i.test(c.text),
    );
    for (const count of select(shell, 'AutoLogon', 'LogonCount')) {
      if (trimmed(count) !== '1' || resets) continue;
      context.report(
        count,
        'info',
        'Windows signs in LogonCount + 1 times, so LogonCount 1 gives two automatic sign-ins; to sign in exactly once, reset HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\\AutoLogonCount to 0 in the first FirstLogonCommand.',
      );
    }
  },
};
